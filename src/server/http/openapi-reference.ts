/**
 * A self-contained reference page rendered from the OpenAPI document: no script, no CDN,
 * so it works on a closed network and under a strict content security policy.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const methods = ["get", "post", "put", "patch", "delete"] as const;

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function asObject(value: Json | undefined): JsonObject | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

function text(value: Json | undefined): string {
  return typeof value === "string" ? value : "";
}

function schemaLink(schema: Json | undefined): string {
  const object = asObject(schema);
  if (!object) return "";
  const ref = text(object.$ref);
  if (ref) {
    const name = ref.split("/").pop() ?? ref;
    return `<a href="#schema-${escapeHtml(name)}">${escapeHtml(name)}</a>`;
  }
  return `<pre>${escapeHtml(JSON.stringify(object, null, 2))}</pre>`;
}

function slug(method: string, path: string): string {
  return `${method}-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;
}

function renderOperation(path: string, method: string, operation: JsonObject): string {
  const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
  const parameterRows = parameters
    .map(asObject)
    .filter((parameter): parameter is JsonObject => parameter !== undefined)
    .map(
      (parameter) =>
        `<tr><td><code>${escapeHtml(text(parameter.name))}</code></td><td>${escapeHtml(text(parameter.in))}</td>` +
        `<td>${parameter.required ? "yes" : "no"}</td><td>${schemaLink(parameter.schema)}</td></tr>`,
    )
    .join("");
  const requestContent = asObject(asObject(asObject(operation.requestBody)?.content)?.["application/json"]);
  const responses = Object.entries(asObject(operation.responses) ?? {})
    .map(([status, response]) => {
      const body = asObject(asObject(asObject(response)?.content)?.["application/json"]);
      return `<tr><td>${escapeHtml(status)}</td><td>${escapeHtml(text(asObject(response)?.description))}</td><td>${schemaLink(body?.schema)}</td></tr>`;
    })
    .join("");
  return `<section class="operation" id="${slug(method, path)}" aria-labelledby="${slug(method, path)}-title">
  <h3 id="${slug(method, path)}-title"><span class="method method-${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
  ${operation.summary ? `<p><strong>${escapeHtml(text(operation.summary))}</strong></p>` : ""}
  ${operation.description ? `<p>${escapeHtml(text(operation.description))}</p>` : ""}
  ${parameterRows ? `<h4>Parameters</h4><table><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Schema</th></tr></thead><tbody>${parameterRows}</tbody></table>` : ""}
  ${requestContent ? `<h4>Request body</h4>${schemaLink(requestContent.schema)}` : ""}
  <h4>Responses</h4><table><thead><tr><th scope="col">Status</th><th scope="col">Meaning</th><th scope="col">Body</th></tr></thead><tbody>${responses}</tbody></table>
</section>`;
}

export function renderOpenApiReference(document: object): string {
  const doc = document as JsonObject;
  const info = asObject(doc.info) ?? {};
  const paths = asObject(doc.paths) ?? {};
  const operations: string[] = [];
  const toc: string[] = [];
  for (const [path, item] of Object.entries(paths).sort(([left], [right]) => left.localeCompare(right))) {
    for (const method of methods) {
      const operation = asObject(asObject(item)?.[method]);
      if (!operation) continue;
      toc.push(
        `<li><a href="#${slug(method, path)}"><span class="method method-${method}">${method.toUpperCase()}</span> ${escapeHtml(path)}</a></li>`,
      );
      operations.push(renderOperation(path, method, operation));
    }
  }
  const schemas = Object.entries(asObject(asObject(doc.components)?.schemas) ?? {})
    .map(
      ([name, schema]) =>
        `<section id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></section>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text(info.title))} — reference</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;color:#1c2530;background:#f6f7f9;line-height:1.5}
header{background:#16324f;color:#fff;padding:1rem 2rem}header a{color:#fff}
main{display:grid;grid-template-columns:18rem 1fr;gap:2rem;padding:1.5rem 2rem}
nav ul{list-style:none;padding:0;margin:0}nav li{margin:.25rem 0}nav a{color:#16324f;text-decoration:none}
.operation,section[id^=schema-]{background:#fff;border:1px solid #d5dae1;border-radius:8px;padding:1rem 1.25rem;margin-bottom:1rem}
.method{display:inline-block;min-width:3.5rem;text-align:center;border-radius:4px;font-size:.8rem;font-weight:700;padding:.1rem .3rem;color:#fff;background:#33475b}
.method-get{background:#1d6b3a}.method-post{background:#1f4f8a}.method-delete{background:#9b1c1c}.method-patch,.method-put{background:#7a4b00}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e3e7ec;text-align:left;padding:.3rem .5rem;vertical-align:top}
pre{background:#f0f2f5;padding:.75rem;border-radius:6px;overflow:auto;font-size:.85rem}
@media (max-width:800px){main{grid-template-columns:1fr}}
</style>
</head>
<body>
<header><h1>${escapeHtml(text(info.title))} <small>${escapeHtml(text(info.version))}</small></h1>
<p>${escapeHtml(text(info.description))} Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(text(doc.openapi))}).</p></header>
<main>
<nav aria-label="Operations"><h2>Operations</h2><ul>${toc.join("")}</ul></nav>
<div><h2>Operations</h2>${operations.join("\n")}<h2>Schemas</h2>${schemas}</div>
</main>
</body>
</html>`;
}
