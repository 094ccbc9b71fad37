// Injected into a copy of a report by tests/compare/run.sh: measures every
// chain box and its lines as laid out, and leaves the findings as JSON in pre#geom.
const bad = [], nodes = document.querySelectorAll("#chain-graph g.node");
nodes.forEach(g => {
  const r = g.querySelector("rect").getBoundingClientRect();
  g.querySelectorAll("text").forEach(t => {
    const b = t.getBoundingClientRect();
    if (b.width <= 0 || b.left < r.left - 0.5 || b.right > r.right + 0.5 || b.top < r.top - 0.5 || b.bottom > r.bottom + 0.5)
      bad.push(t.textContent + " [" + [b.left, b.right, r.left, r.right].map(Math.round) + "]");
  });
  const l1 = g.querySelector("text.l1").textContent.replace(" (inferred)", "");
  if (l1 !== g.dataset.number) bad.push("cut: " + g.dataset.number + " shown as " + l1);
});
const pre = document.createElement("pre"); pre.id = "geom";
pre.textContent = JSON.stringify({nodes: nodes.length, bad: bad});
document.body.appendChild(pre);
