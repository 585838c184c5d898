/**
 * The services CI scores on every run: about forty, across the protocols botocore knows
 * (json, rest-json, rest-xml, query, ec2), including the large and tricky ones the issue names.
 * `npm run conformance -- --all` scores every service of the corpus.
 */
export const CI_SERVICES: readonly string[] = [
  // json
  'dynamodb', 'directconnect', 'kms', 'logs', 'ecs', 'ssm', 'kinesis', 'glue', 'athena', 'secretsmanager',
  'stepfunctions', 'timestream-query', 'snowball',
  // rest-json
  'lambda', 'sesv2', 'appmesh', 'ssm-incidents', 'amplifyuibuilder', 'lexv2-models', 'lexv2-runtime', 'apigateway',
  'eks', 'glacier', 'iot', 'mediaconvert', 'cloudsearchdomain', 'lex-runtime', 'rds-data',
  // rest-xml
  's3', 'route53', 'cloudfront', 's3control',
  // query
  'sqs', 'sns', 'iam', 'sts', 'cloudformation', 'rds', 'elb', 'autoscaling',
  // ec2
  'ec2',
];

/**
 * The services of the boto3 1.43 per-method corpus CI builds (scripts/corpus-boto3-143) and scores on
 * every run: the fixed subset `scripts/corpora --subset` builds (the fixtures' directconnect, glue,
 * kinesis and logs; event streams in bedrock-runtime; paginators, waiters and resources across json,
 * rest-json, rest-xml and query), plus s3 (its transfer and presigning helpers, injected checksum
 * members), ec2 (the ec2 protocol, Filter aliases, placeholders) and securityhub (Parameters and
 * Response Structure behind "This section is too large to render"). `-- --all` scores every service.
 */
export const CI_SERVICES_143: readonly string[] = [
  'directconnect', 'glue', 'kinesis', 'logs', 'dynamodb', 'sqs', 'sns', 'cloudformation', 'ecs', 'lambda', 'iam', 'route53',
  'bedrock-runtime', 'acm', 'sts', 's3', 'ec2', 'securityhub',
];
