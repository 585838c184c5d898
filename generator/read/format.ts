/** The formats docsdk reads, named in diagnostics, in `--help` and in each reading's `format`. */
export type DocumentFormat = 'boto3-rst' | 'boto3-html' | 'boto3-compact-text' | 'boto3-bullet-text' | 'baidu-text' | 'baidu-markdown' | 'baidu-api-text';
