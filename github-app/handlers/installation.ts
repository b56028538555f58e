import { defineHandler } from "./handler.js";

/** The app installed, removed or changed: nothing to do but say so in the log. */
export const installationHandler = defineHandler({
  name: "installation",
  events: ["installation"],
  async run(context) {
    const p = context.payload;
    const account = p.installation.account;
    const name = account && "login" in account ? account.login : (account?.name ?? null);
    context.log.info(
      { action: p.action, account: name, repositories: p.repositories?.length ?? null },
      "labenv installation event",
    );
  },
});
