import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import { registerStub } from './stub.js';

export function register(program: Command, ctx: Ctx): void {
  registerStub(program, ctx, 'discover', 'discover');
}
