/**
 * How the runner hands inputs to the step (`INPUT_<NAME>`) and the parsers every section
 * of the settings shares: lists, booleans, whole numbers, tags, policy files.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { InputName } from '../constants.js'
import { InputError } from '../errors.js'
import type { Env } from './types.js'

/** The value the runner passes for an input (`INPUT_<NAME>`), trimmed; '' when unset. */
export function getInput(env: Env, name: InputName): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** Items of a list input: separated by commas or newlines, trimmed, empties dropped. */
export function parseList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(s => s !== '')
}

/** Items of a one-per-line input (values may contain commas). */
export function parseLines(value: string): string[] {
  return value
    .split('\n')
    .map(s => s.trim())
    .filter(s => s !== '')
}

export function parseBoolean(name: InputName, value: string, fallback: boolean): boolean {
  if (value === '') return fallback
  const v = value.toLowerCase()
  if (v === 'true') return true
  if (v === 'false') return false
  throw new InputError(name, `'${value}' is not a boolean: use true or false.`)
}

export function parseInteger(name: InputName, value: string, range: { min: number; max: number }): number | undefined {
  if (value === '') return undefined
  if (!/^\d+$/.test(value)) {
    throw new InputError(name, `'${value}' is not a whole number: use a number from ${range.min} to ${range.max}.`)
  }
  const n = Number(value)
  if (n < range.min || n > range.max) {
    throw new InputError(name, `${value} is out of range: use a number from ${range.min} to ${range.max}.`)
  }
  return n
}

/** Docker image tags: what `docker buildx build --tag` and ECR both accept. */
export const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

export function validateTag(input: InputName, tag: string): string {
  if (!IMAGE_TAG.test(tag)) {
    throw new InputError(input, `'${tag}' is not a valid image tag: use up to 128 letters, digits, _ . - (not starting with . or -).`)
  }
  return tag
}

/** A policy as the workflow gave it: the text, and the file it came from (relative to the workspace) when it was a path. */
export interface PolicyText {
  text: string
  file?: string
}

/**
 * A policy input: the JSON itself, or a path (relative to the workspace) to a JSON file.
 * An error echoes the value only when it reads as a path (one short line): never policy text.
 */
export function readPolicyText(name: InputName, value: string, workspace: string): PolicyText {
  if (value.startsWith('{') || value.startsWith('[')) return { text: value }
  const file = path.resolve(workspace, value)
  if (!existsSync(file) || !statSync(file).isFile()) {
    const shown = /^[^\n]{1,200}$/.test(value) ? `'${value}' is` : 'is'
    throw new InputError(name, `${shown} neither JSON nor a file in the workspace: give the policy JSON or a path to it.`)
  }
  return { text: readFileSync(file, 'utf8'), file: value }
}

/** How an error names a policy: the file it came from, if any. */
export const policySource = (file: string | undefined): string => (file === undefined ? '' : `the file '${file}' `)

export function readKeyValues(name: InputName, value: string): string[] {
  const items = parseLines(value)
  for (const item of items) {
    if (!KEY_VALUE.test(item)) {
      throw new InputError(name, `'${item}' is not KEY=VALUE: give one KEY=VALUE per line.`)
    }
  }
  return items
}

const KEY_VALUE = /^[A-Za-z_][A-Za-z0-9_.-]*=/
