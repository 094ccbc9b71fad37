-- Deadlines in 2024: the one-off deadlines dated in 2024, and the recurring
-- ones ("trước ngày 10 của tháng cuối quý", "hằng năm") of every document
-- issued in or before 2024: a recurring deadline has no date of its own,
-- its rule (RFC 5545 RRULE) says when it falls.
SELECT f.path, d.number, d.date AS issued, x.text, x.role, x.value, x.recurrence, x.rule
  FROM dates x
  JOIN documents d ON d.id = x.document_id
  JOIN files f ON f.id = d.file_id
 WHERE (x.role = 'deadline' AND x.value LIKE '2024%')
    OR (x.role = 'recurring' AND substr(d.date, 1, 4) <= '2024')
 ORDER BY f.path, d.ordinal, x.ordinal;
