// A workspace is one folder: daftar.db (SQLite) + blobs/ + workspace.json. Copy the
// folder to a USB stick and open it elsewhere; nothing refers to absolute paths.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { hashLogEntry } from '../integrity/log-entry.js';
import { DaftarError } from '../model/errors.js';
import type { LogEntry } from '../model/schema.js';
import { BlobStore } from '../store/blobs/blob-store.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { LogEntryDraft, Store } from '../store/store.js';

export const DEFAULT_WORKSPACE = './daftar-workspace';
const MARKER = 'workspace.json';

export interface Workspace {
  dir: string;
  store: Store & SqliteStore;
  blobs: BlobStore;
  close(): Promise<void>;
}

export function workspaceDir(option?: string): string {
  return resolve(option ?? process.env.DAFTAR_WORKSPACE ?? DEFAULT_WORKSPACE);
}

export function isWorkspace(dir: string): boolean {
  return existsSync(join(dir, MARKER));
}

/** Creates the folder layout; returns false when a workspace was already there. */
export function initWorkspace(dir: string): boolean {
  if (isWorkspace(dir)) return false;
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new DaftarError('usage', `${dir}: exists and is not a folder`);
  }
  mkdirSync(join(dir, 'blobs'), { recursive: true });
  writeFileSync(join(dir, MARKER), JSON.stringify({ format: 'daftar-workspace', version: 1, createdAt: new Date().toISOString() }, null, 2) + '\n');
  return true;
}

export function openWorkspace(dir: string, options: { create?: boolean } = {}): Workspace {
  if (!isWorkspace(dir)) {
    if (!options.create) throw new DaftarError('workspace_missing', `${dir}: no Daftar workspace here; run \`daftar init ${dir}\` or pass --workspace`);
    initWorkspace(dir);
  }
  const meta = JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as { format?: string };
  if (meta.format !== 'daftar-workspace') throw new DaftarError('workspace_missing', `${dir}: ${MARKER} is not a Daftar workspace marker`);
  const store = openSqliteStore(join(dir, 'daftar.db'), leafHashOf);
  const blobs = new BlobStore(join(dir, 'blobs'));
  return { dir, store, blobs, close: () => store.close() };
}

/** Who acts: DAFTAR_ACTOR, else the operating-system user. */
export function currentActor(): string {
  if (process.env.DAFTAR_ACTOR) return process.env.DAFTAR_ACTOR;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function logDraft(operation: LogEntryDraft['operation'], subject: string, details: Record<string, unknown>, at = new Date()): LogEntryDraft {
  return { at: at.toISOString(), actor: currentActor(), operation, subject, details };
}

/** JSON with sorted keys and no spaces: one byte string per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
}

/**
 * RFC 6962 leaf hash of a log entry: SHA-256(0x00 || canonical JSON). One
 * implementation, in integrity/, so verify computes exactly what the store wrote.
 */
export function leafHashOf(entry: Omit<LogEntry, 'leafHash'>): string {
  return hashLogEntry(entry);
}
