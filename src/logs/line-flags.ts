// What a kept line is, in one byte: its stream, its level, and two facts about its text that
// save work when it is read (ASCII text decodes as latin1; only coloured text needs stripping).
import type { LogLevel, LogStream } from './line';

export const STDERR = 1, WARN = 2, ERROR = 4, ASCII = 8, COLOURED = 16;

export function lineFlags(stream: LogStream, level: LogLevel | undefined, ascii: boolean, coloured: boolean): number {
  return (stream === 'stderr' ? STDERR : 0) | (level === 'error' ? ERROR : level === 'warn' ? WARN : 0) | (ascii ? ASCII : 0) | (coloured ? COLOURED : 0);
}

export function levelOf(flags: number): LogLevel | undefined {
  return flags & ERROR ? 'error' : flags & WARN ? 'warn' : undefined;
}
