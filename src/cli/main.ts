export async function main(argv: string[]): Promise<number> {
  process.stdout.write(`opsdeck: not yet (${argv.join(' ')})\n`);
  return 0;
}
