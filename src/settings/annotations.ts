/**
 * The levels of an `annotations` entry, as buildx reads them: `[<levels>:]KEY=VALUE`, where
 * the levels are `manifest` (buildx's default), `index`, `index-descriptor`, each possibly
 * with a platform in brackets.
 */

/** `[<levels>:]KEY=VALUE` → its levels (buildx's default: manifest) and key. */
export function levelsAndKey(annotation: string): { levels: string[]; key: string } {
  const k = annotation.slice(0, annotation.indexOf('='))
  const colon = k.lastIndexOf(':')
  const levels =
    colon === -1
      ? ['manifest']
      : k
          .slice(0, colon)
          .split(',')
          .map(l => l.replace(/\[.*\]$/, ''))
  return { levels, key: k.slice(colon + 1) }
}

/** Whether an annotation goes on an index (`index:` or `index-descriptor:` among its levels). */
export const onIndex = (annotation: string): boolean => levelsAndKey(annotation).levels.some(l => l.startsWith('index'))

/** An annotation only an index takes (every level `index` or `index-descriptor`): what a merge can set. */
export const onIndexOnly = (annotation: string): boolean => levelsAndKey(annotation).levels.every(l => l.startsWith('index'))
