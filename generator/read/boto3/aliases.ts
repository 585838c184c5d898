/**
 * boto3's parameter aliases: a few input members boto3 documents (and accepts) under another name than
 * the wire's, mapping the alias back before it builds the request. The table is botocore's
 * `_add_parameter_aliases` (botocore/handlers.py, the same in 1.29 and 1.43.11):
 *
 * ```python
 * aliases = {
 *     'ec2.*.Filter': 'Filters',
 *     'logs.CreateExportTask.from': 'fromTime',
 *     'cloudsearchdomain.Search.return': 'returnFields',
 * }
 * ```
 *
 * An alias applies only where the operation's input has the original member (`ParameterAlias.
 * alias_parameter_in_call` checks `model.input_shape.members`). A page cannot tell: EC2 documents its
 * many real `Filters` members (wire `Filter` by locationName, member name `Filters`) like the five
 * aliased ones, so `ec2.*` is spelled out as the operations whose input has a member named `Filter` in
 * botocore's ec2 model (2016-11-15, the same in botocore 1.29 and 1.43.11).
 *
 * @packageDocumentation
 */
import type { MemberNode, StructureNode } from '../../ir/input.ts';

/** One alias: on the client class boto3 names (`CloudWatchLogs`), a method's input member. */
export interface ParameterAlias {
  /** The client class as the pages name it (`CloudWatchLogs.Client`). */
  client: string;
  /** Methods as documented (`create_export_task`). */
  methods: readonly string[];
  /** The name on the wire (botocore's member name). */
  wire: string;
  /** The name boto3 documents and accepts. */
  documented: string;
}

/** botocore's aliases (see the module comment). */
export const PARAMETER_ALIASES: readonly ParameterAlias[] = [
  {
    client: 'EC2',
    methods: ['describe_flow_logs', 'describe_host_reservation_offerings', 'describe_host_reservations', 'describe_hosts', 'describe_nat_gateways'],
    wire: 'Filter',
    documented: 'Filters',
  },
  { client: 'CloudWatchLogs', methods: ['create_export_task'], wire: 'from', documented: 'fromTime' },
  { client: 'CloudSearchDomain', methods: ['search'], wire: 'return', documented: 'returnFields' },
];

/**
 * The input of `method` of `client` with its aliased members named as on the wire, their documented
 * name kept (`documentedName`). Members are renamed in place; nothing else changes.
 */
export function applyParameterAliases(client: string | undefined, method: string, input: StructureNode): void {
  if (client === undefined) return;
  for (const alias of PARAMETER_ALIASES) {
    if (alias.client !== client || !alias.methods.includes(method)) continue;
    const member: MemberNode | undefined = input.members.find((m) => m.name === alias.documented);
    // A page that already shows the wire name (none of boto3's do) keeps it as it is.
    if (!member || input.members.some((m) => m.name === alias.wire)) continue;
    member.name = alias.wire;
    member.documentedName = alias.documented;
  }
}
