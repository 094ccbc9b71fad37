-- Every plan that gives tasks to a "Lao động - Thương binh và Xã hội" body
-- (Bộ, Sở or Phòng, any case, with or without tone marks, "-" or "–").
SELECT f.path, d.ordinal, d.number, d.date, d.issuer, a.unit, a.role,
       (SELECT count(*) FROM tasks t WHERE t.assignment_id = a.id) AS tasks
  FROM assignments a
  JOIN documents d ON d.id = a.document_id
  JOIN files f ON f.id = d.file_id
 WHERE d.doc_type = 'Kế hoạch'
   AND (a.unit_key LIKE '%lao dong - thuong binh va xa hoi%' OR a.unit_key LIKE '%ldtbxh%')
 ORDER BY d.date, f.path, d.ordinal;
