-- What 537/GDĐT points to: each of its references resolved to a stored
-- document (by number, or for an unnumbered document by type + date, in the
-- same file or from an agreeing issuer).
SELECT ff.path, r.number AS cited, l.method, td.doc_type, td.number, td.date, td.issuer,
       tf.path AS target_path, td.ordinal AS target_ordinal
  FROM links l
  JOIN "references" r ON r.id = l.reference_id
  JOIN documents fd ON fd.id = l.from_document_id
  JOIN files ff ON ff.id = fd.file_id
  JOIN documents td ON td.id = l.to_document_id
  JOIN files tf ON tf.id = td.file_id
 WHERE fd.number_key = '537/gddt'
 ORDER BY ff.path, r.ordinal, l.method, tf.path;
