/** The names the action shares with its runner: inputs and outputs as action.yml declares them, and the post step's state. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { Input, Output, State } from '../../src/constants.js'

const action = parse(readFileSync(path.resolve(import.meta.dirname, '../../action.yml'), 'utf8')) as { inputs: object; outputs: object }

test('action.yml declares exactly the inputs the code reads and the outputs it sets', () => {
  expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Input).sort())
  expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Output).sort())
})

test('each name is one of its kind: no two constants share an input, an output or a state', () => {
  for (const names of [Object.values(Input), Object.values(Output), Object.values(State)]) expect(new Set(names).size).toBe(names.length)
})

test("input and output names are as the runner passes them: lower-case words joined by '-'", () => {
  for (const name of [...Object.values(Input), ...Object.values(Output)]) expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
})
