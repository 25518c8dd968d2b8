// The layering rule in eslint.config.mjs (import/no-restricted-paths) catches what it is meant to:
// each case lints a small file placed where a violation would live, with the project's own config.
import path from "node:path";

import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function layeringErrors(file: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result!.messages
    .filter((message) => message.ruleId === "import/no-restricted-paths")
    .map((message) => message.message);
}

describe("the layering lint rule", () => {
  it("refuses a component that imports from app/", async () => {
    const errors = await layeringErrors(
      "components/users/layering-fixture.tsx",
      'import { createUserAction } from "@/app/(app)/admin/users/actions";\nexport const action = createUserAction;\n',
    );
    expect(errors).toEqual([expect.stringContaining("app/…/_components/")]);
  });

  it("refuses lib/ code that imports scripts/ or e2e/, through the alias or a relative path", async () => {
    const source = [
      'import { createFreshDatabase } from "@/scripts/lib/database";',
      'import { db } from "../../e2e/fixtures";',
      "export const both = [createFreshDatabase, db];",
      "",
    ].join("\n");
    expect(await layeringErrors("lib/handoff/layering-fixture.ts", source)).toEqual([
      expect.stringContaining("only what the app runs in production"),
      expect.stringContaining("only what the app runs in production"),
    ]);
  });

  it("refuses lib/ code that imports a route or a component", async () => {
    const source = 'import { Button } from "@/components/ui/button";\nexport const button = Button;\n';
    expect(await layeringErrors("lib/handoff/layering-fixture.ts", source)).toEqual([
      expect.stringContaining("imports no routes or components"),
    ]);
  });

  it("refuses a route that imports another route's _components: a sibling's, a parent's child's", async () => {
    const crossRoute = expect.stringContaining("belongs to that route and the routes inside it");
    // Review & send reaching into the profile's dialog, by the alias and by a relative path.
    const source = [
      'import { SendToPersonioDialog } from "@/app/(app)/candidates/[candidateId]/_components/send-to-personio-dialog";',
      'import { UpdateInPersonioDialog } from "../../../candidates/[candidateId]/_components/update-in-personio-dialog";',
      "export const both = [SendToPersonioDialog, UpdateInPersonioDialog];",
      "",
    ].join("\n");
    expect(await layeringErrors("app/(app)/to-send/review/_components/layering-fixture.tsx", source)).toEqual([
      crossRoute,
      crossRoute,
    ]);
    // The candidate list is the profile's parent folder, not part of the profile's route.
    expect(
      await layeringErrors(
        "app/(app)/candidates/layering-fixture.tsx",
        'import { CandidateActionsMenu } from "./[candidateId]/_components/candidate-actions-menu";\nexport const menu = CandidateActionsMenu;\n',
      ),
    ).toEqual([crossRoute]);
    // A sibling whose name starts like the owner's is still another route.
    expect(
      await layeringErrors(
        "app/(app)/admin/integrations/ats-archive/layering-fixture.tsx",
        'import { SetupSteps } from "../ats/_components/setup-steps";\nexport const steps = SetupSteps;\n',
      ),
    ).toEqual([crossRoute]);
  });

  it("allows a route its own _components and those of the routes it is nested in", async () => {
    expect(
      await layeringErrors(
        "app/(app)/candidates/[candidateId]/layering-fixture.tsx",
        'import { CandidateActionsMenu } from "./_components/candidate-actions-menu";\nexport const menu = CandidateActionsMenu;\n',
      ),
    ).toEqual([]);
    // A nested route, also one whose folder does not exist yet, by a relative path and the alias.
    expect(
      await layeringErrors(
        "app/(app)/admin/integrations/ats/new/layering-fixture.tsx",
        'import { SetupSteps } from "../_components/setup-steps";\nexport const steps = SetupSteps;\n',
      ),
    ).toEqual([]);
    expect(
      await layeringErrors(
        "app/(app)/admin/integrations/ats/[sourceId]/history/layering-fixture.tsx",
        'import { SetupSteps } from "@/app/(app)/admin/integrations/ats/_components/setup-steps";\nexport const steps = SetupSteps;\n',
      ),
    ).toEqual([]);
  });

  it("allows what the layout allows: components and routes using lib/, lib/'s unit tests using scripts/", async () => {
    expect(
      await layeringErrors(
        "components/users/layering-fixture.tsx",
        'import { can } from "@/lib/permissions";\nexport const check = can;\n',
      ),
    ).toEqual([]);
    expect(
      await layeringErrors(
        "app/(app)/admin/users/_components/layering-fixture.tsx",
        'import { createUserAction } from "../actions";\nexport const action = createUserAction;\n',
      ),
    ).toEqual([]);
    expect(
      await layeringErrors(
        "lib/handoff/layering-fixture.test.ts",
        'import { createFreshDatabase } from "@/scripts/lib/database";\nexport const create = createFreshDatabase;\n',
      ),
    ).toEqual([]);
  });
});
