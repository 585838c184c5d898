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
