import { describe, expect, it } from "vitest";
import { renderOpenApiReference } from "./openapi-reference.ts";

const document = {
  openapi: "3.1.0",
  info: { title: "SECTOR API", version: "1.2.3", description: "Test <b>doc</b>" },
  paths: {
    "/api/companies/{companyId}": {
      get: {
        summary: "Get a company",
        parameters: [{ name: "companyId", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          200: {
            description: "Found",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Company" } } },
          },
        },
      },
    },
  },
  components: { schemas: { Company: { type: "object" } } },
};

describe(renderOpenApiReference, () => {
  const html = renderOpenApiReference(document);

  it("lists each operation with its method, path, parameters and responses", () => {
    expect(html).toContain(
      '<span class="method method-get">GET</span> <code>/api/companies/{companyId}</code>',
    );
    expect(html).toContain("<code>companyId</code></td><td>path</td><td>yes</td>");
    expect(html).toContain('<a href="#schema-Company">Company</a>');
  });

  it("escapes text taken from the document", () => {
    expect(html).toContain("Test &lt;b&gt;doc&lt;/b&gt;");
    expect(html).not.toContain("<b>doc</b>");
  });

  it("needs no script", () => {
    expect(html).not.toContain("<script");
  });
});
