import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { action } from './kit.js';
import { addApiOptions, parseApiFlags, type ApiFlags } from './api-kit.js';

export function register(program: Command, ctx: Ctx): void {
  const { t } = ctx;
  addApiOptions(program.command('login').description(t.apiLoginDescription), ctx)
    .option('--partner-id <id>', t.apiOptPartnerId)
    .option('--password-file <path>', t.apiOptPasswordFile)
    .action(
      action(ctx, async (f: ApiFlags & { partnerId?: string }) => {
        const { loginPartner } = await import('../enroll/login.js');
        const r = await loginPartner(ctx, { ...parseApiFlags(f), partnerId: f.partnerId });
        if (ctx.json) ctx.out.json(r);
        else {
          ctx.out.print(t.apiLoggedIn({ partnerId: r.partnerId, endpoint: r.endpoint, expiresAt: r.expiresAt ?? '?' }));
          ctx.out.info(t.apiTokenSaved({ path: r.tokenFile }));
        }
        return 0;
      }),
    );
  program
    .command('logout')
    .description(t.apiLogoutDescription)
    .action(
      action(ctx, async () => {
        const { logoutPartner } = await import('../enroll/login.js');
        const r = await logoutPartner(ctx);
        if (ctx.json) ctx.out.json(r);
        else ctx.out.print(r.removed ? t.apiLoggedOut({ path: r.tokenFile }) : t.apiNotLoggedIn);
        return 0;
      }),
    );
}
