import { describe, expect, it } from "vitest";
import { AuditActionSchema } from "../../../contracts/audit.ts";
import { UserStatusSchema } from "../../../contracts/users.ts";
import { roles } from "../../../domain/access/roles.ts";
import adminEn from "../../i18n/locales/admin.en.json";
import adminIt from "../../i18n/locales/admin.it.json";
import { grantScopeKind } from "./grant-scope.ts";
import { territoryKinds } from "./territory-labels.ts";

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
}

const screens: [string, Tree][] = [
  ["it", adminIt],
  ["en", adminEn],
];

// Labels are looked up from enum values at run time; a new value must not show up as a raw key.
describe.each(screens)("administration labels (%s)", (_locale, messages) => {
  it("name every audit action", () => {
    for (const action of AuditActionSchema.options) {
      expect(typeof lookup(messages, `auditActions.${action}`), action).toBe("string");
    }
  });

  it("name every user status, territory kind and scope of a role", () => {
    for (const status of UserStatusSchema.options)
      expect(typeof lookup(messages, `userStatus.${status}`)).toBe("string");
    for (const kind of territoryKinds) {
      expect(typeof lookup(messages, `territoryKinds.${kind}`)).toBe("string");
      expect(typeof lookup(messages, `territoryKindsPlural.${kind}`)).toBe("string");
    }
    for (const role of roles) {
      const scope = grantScopeKind(role);
      for (const group of ["scopeShort", "scopeLegend", "scopeExplanation"]) {
        expect(typeof lookup(messages, `addGrant.${group}.${scope}`)).toBe("string");
      }
    }
  });
});
