/**
 * The facts a Baidu page lacks, taken from its service folder's `service.json`: the wire name and
 * type of each documented argument, the shared models (`Billing`, `TagModel`, `PeerConn`, the
 * status enums) and which model an operation's response is. Shapes the facts define become type
 * trees carrying their facts name (`shapeName`), so the IR names each one once (built by the
 * settings' {@link SettingsTypes}, which the settings stage after reading uses too).
 */
import type { SourceRef } from '../../ir/model.ts';
import type { ReaderContext, TypeNode } from '../../ir/input.ts';
import type { ParameterSettings, ServiceSettings, ShapeSettings } from '../../settings/service-settings.ts';
import { SettingsTypes } from '../../settings/apply.ts';

/** The facts of one service, as the Baidu reader asks for them. */
export class BaiduFacts {
  private readonly settings: ServiceSettings;
  private readonly types: SettingsTypes;

  constructor(private readonly context: ReaderContext | undefined) {
    this.settings = context?.settings ?? {};
    this.types = new SettingsTypes(this.settings);
  }

  /** What the facts say of argument `python` of `method` (the operation's entry over the service's). */
  parameter(method: string, python: string): ParameterSettings | undefined {
    const own = this.settings.operations?.[method]?.parameters?.[python];
    const shared = this.settings.parameters?.[python];
    return own || shared ? { ...shared, ...own } : undefined;
  }

  /** Where the facts describe argument `python` of `method`. */
  parameterSource(method: string, python: string): SourceRef {
    const own = this.settings.operations?.[method]?.parameters?.[python] !== undefined;
    return this.source(own ? ['operations', method, 'parameters', python] : ['parameters', python]);
  }

  /** Shape id of `method`'s response body, when the facts name one. */
  output(method: string): string | undefined {
    return this.settings.operations?.[method]?.output;
  }

  /**
   * The type the facts give a member called `wireName` anywhere: an argument with that wire name,
   * else a member of that name in a model. Used to type what an example cannot (`null`).
   */
  memberType(wireName: string): { type: TypeNode } | undefined {
    for (const p of Object.values(this.settings.parameters ?? {})) {
      const type = p.name === wireName && p.target ? this.typeOf(p.target) : undefined;
      if (type) return { type };
    }
    for (const shape of Object.values(this.settings.shapes ?? {})) {
      if (shape.type !== 'structure' && shape.type !== 'union') continue;
      const member = Object.prototype.hasOwnProperty.call(shape.members, wireName) ? shape.members[wireName] : undefined;
      const type = member ? this.typeOf(member.target) : undefined;
      if (type) return { type };
    }
    return undefined;
  }

  /** The member of the facts' structure `shapeId` that the docs also call `documented` (`documentedAs`: a typo of theirs). */
  memberDocumentedAs(shapeId: string, documented: string): string | undefined {
    const shape = this.shape(shapeId);
    if (!shape || (shape.type !== 'structure' && shape.type !== 'union')) return undefined;
    return Object.entries(shape.members).find(([, m]) => m.documentedAs?.includes(documented))?.[0];
  }

  /** The repair kinds the facts accept in `method`'s response example (`exampleRepairs.accept`: the page is known to need them). */
  acceptedRepairs(method: string): readonly string[] {
    return this.settings.operations?.[method]?.exampleRepairs?.accept ?? [];
  }

  /** A shape the facts define, by id. */
  shape(id: string): ShapeSettings | undefined {
    return this.types.shape(id);
  }

  /** A place in the settings file (line 1 of the folder's name when there is no file). */
  source(keys: readonly string[]): SourceRef {
    return { file: this.context?.settingsFile ?? 'service.json', line: this.context?.locate?.(keys) ?? 1 };
  }

  /**
   * The type tree of a shape id: a scalar name gives a plain scalar, a defined shape a tree named
   * after it. The same id always gives the same node. Unknown ids give undefined (the settings
   * loader has reported them). A structure reached again inside itself is a recursion.
   */
  typeOf(id: string, visiting: ReadonlySet<string> = new Set()): TypeNode | undefined {
    return this.types.typeOf(id, visiting);
  }
}
