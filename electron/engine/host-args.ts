/** Arguments the shell passes to the engine process. */
export interface HostArgs {
  workspace: string;
  demo: boolean;
  memoryLimit?: string;
  /** The user's Parity folder (profile, signing key); default PARITY_HOME or ~/.parity. */
  home?: string;
}

export function parseHostArgs(argv: readonly string[]): HostArgs {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const workspace = value('--workspace');
  if (!workspace) throw new Error('The engine needs --workspace PATH.');
  return { workspace, demo: argv.includes('--demo'), memoryLimit: value('--memory-limit'), home: value('--home') };
}

export function hostArgs(args: HostArgs): string[] {
  const out = ['--workspace', args.workspace];
  if (args.demo) out.push('--demo');
  if (args.memoryLimit) out.push('--memory-limit', args.memoryLimit);
  if (args.home) out.push('--home', args.home);
  return out;
}
