export * from "./requirement.js";
export { changedSubject, type ChangedSubject } from "./changed-subject.js";
export { requiredApprovals, outsideLabs } from "./required-approvals.js";
export { evaluateApprovals, latestVerdicts } from "./evaluate-approvals.js";
