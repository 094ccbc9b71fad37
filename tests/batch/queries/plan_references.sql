-- Every reference of the 2019 plan of the Tây Ninh provincial People's Committee.
SELECT f.path, d.number AS plan, r.relation, r.doc_type, r.number, r.date, r.issuer
  FROM "references" r
  JOIN documents d ON d.id = r.document_id
  JOIN files f ON f.id = d.file_id
 WHERE d.doc_type = 'Kế hoạch'
   AND d.issuer_key LIKE '%tay ninh%'
   AND d.date LIKE '2019%'
 ORDER BY f.path, d.ordinal, r.ordinal;
