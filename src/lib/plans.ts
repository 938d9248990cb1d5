/** Where a plan is in its life: proposed, in force, or ended. */
import type { Plan } from "../schemas/index.ts";

/** Whether a plan has ended (finished or replaced): its indicators' figures are then never current. */
export const hasEnded = (plan: Pick<Plan, "status">): boolean =>
  plan.status === "complete" || plan.status === "replaced";

/** The order plans are shown in: in force first, then awaiting approval, then ended. */
export const STATUS_ORDER: Record<Plan["status"], number> = { active: 0, proposed: 1, complete: 2, replaced: 2 };
