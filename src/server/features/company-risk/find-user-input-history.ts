import type { SavedUserInput, UserInputKind } from "../../../contracts/company-risk.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import { authoriseCompanyAccess } from "../companies/authorise-company-access.ts";
import { presentSavedInput } from "./company-risk.presenter.ts";
import { findUserInputs } from "./company-risk.repo.ts";
import type { RiskDeps } from "./get-company-risk.ts";

/** Every save of one kind of user input for a company, newest first, through the confidentiality gate. */
export async function findUserInputHistory(
  deps: RiskDeps,
  principal: Principal,
  companyId: string,
  kind: UserInputKind,
  meta: RequestMeta,
): Promise<SavedUserInput[]> {
  await authoriseCompanyAccess(deps, principal, companyId, "confidential", {
    ...meta,
    what: `inputs.${kind}.history`,
  });
  return (await findUserInputs(deps.db, companyId, kind)).map(presentSavedInput);
}
