import { describe, expect, it } from "vitest";
import { ApiError } from "../../api-client.ts";
import { fieldErrorText, formAlertMessages } from "./field-errors.ts";

const error = new ApiError("http", "bad", 400, "validation_failed", [
  { path: "body.companyIds.1", message: "Invalid UUID" },
  { path: "body.email", message: "must be an email address" },
]);

describe("field errors", () => {
  it("find a field or one of its items and say it in the form's words", () => {
    expect(fieldErrorText(error, "body.email", "Indirizzo non valido")).toBe("Indirizzo non valido");
    expect(fieldErrorText(error, "body.companyIds", (message) => `→ ${message}`)).toBe("→ Invalid UUID");
    expect(fieldErrorText(error, "body.displayName", "x")).toBeUndefined();
    expect(fieldErrorText(new Error("no"), "body.email", "x")).toBeUndefined();
  });

  it("summarise the alert only when every named field is shown", () => {
    expect(formAlertMessages(error, ["body.email", "body.companyIds"], "Check")).toEqual({
      validation_failed: "Check",
    });
    expect(formAlertMessages(error, ["body.email"], "Check")).toEqual({});
  });
});
