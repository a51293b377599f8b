/** Resolves an actor key (id, slug or alias, case-insensitive) to an actor id, as every reference to an actor may be written. */

export interface ActorNames { id: string, slug: string, aliases?: string[] | null, name?: string }

/** The normal form an alias is compared in: case-folded, spaces trimmed. */
export const aliasKey = (value: string): string => value.trim().toLowerCase()

export class ActorIndex {
  private readonly byKey = new Map<string, string>()
  /** Aliases that name more than one actor: a reference by them is ambiguous. */
  readonly ambiguous = new Map<string, string[]>()

  constructor (actors: ActorNames[]) {
    const aliasOwners = new Map<string, Set<string>>()
    for (const actor of actors) {
      for (const alias of actor.aliases ?? []) {
        const key = aliasKey(alias)
        if (!aliasOwners.has(key)) aliasOwners.set(key, new Set())
        aliasOwners.get(key)!.add(actor.id)
      }
    }
    for (const [key, owners] of aliasOwners) {
      if (owners.size === 1) this.byKey.set(key, [...owners][0]!)
      else this.ambiguous.set(key, [...owners].sort())
    }
    // Slugs and ids win over aliases.
    for (const actor of actors) this.byKey.set(aliasKey(actor.slug), actor.id)
    for (const actor of actors) this.byKey.set(actor.id, actor.id)
  }

  /** The actor id for an id, slug or unambiguous alias; undefined when none matches. */
  resolve (key: string): string | undefined {
    return this.byKey.get(key) ?? this.byKey.get(aliasKey(key))
  }
}
