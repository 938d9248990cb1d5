/** Where a plan is in its life: proposed, in force, or ended. */
import type { Action, Plan } from "../schemas/index.ts";
import { formatWhen } from "./format.ts";

/** Whether a plan has ended (finished or replaced): its indicators' figures are then never current. */
export const hasEnded = (plan: Pick<Plan, "status">): boolean => closedAs(plan) !== undefined;

/** How a plan ended, if it has: complete, or replaced. */
export type PlanClosed = "complete" | "replaced";

export const closedAs = (plan: Pick<Plan, "status">): PlanClosed | undefined =>
  plan.status === "complete" || plan.status === "replaced" ? plan.status : undefined;

/** How a closed plan is described after "the plan": never "ended", which no paper may have said. */
export const CLOSED_WORDS: Record<PlanClosed, string> = {
  complete: "is complete",
  replaced: "has been replaced",
};

/** The order plans are shown in: in force first, then awaiting approval, then ended. */
export const STATUS_ORDER: Record<Plan["status"], number> = { active: 0, proposed: 1, complete: 2, replaced: 2 };

/** What a reader is told of a plan that is complete or replaced, e.g. "This plan has been replaced by …". */
export function closedSentence(plan: Pick<Plan, "status" | "replacedBy">, ended?: string): string | undefined {
  const closed = closedAs(plan);
  if (!closed) return undefined;
  const when = ended ? ` (${ended})` : "";
  const by = closed === "replaced" && plan.replacedBy ? ` by ${plan.replacedBy}` : "";
  return `This plan ${CLOSED_WORDS[closed]}${by}${when}.`;
}

/**
 * When an action is due, never shorter than the plan printed it: "June 2023 (printed as “Action Plan developed
 * June 2023 with reporting to SENDCIB in year”)", or the printed words alone where they are not a period.
 */
export function dueWords(action: Pick<Action, "due" | "dueAsPrinted">): string | undefined {
  if (action.due === undefined) return action.dueAsPrinted;
  const when = formatWhen(action.due);
  return action.dueAsPrinted ? `${when} (printed as “${action.dueAsPrinted}”)` : when;
}
