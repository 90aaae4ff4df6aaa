using ChatOpsBot.Runbooks.Evidence;

namespace ChatOpsBot.Aws.Errors;

internal readonly record struct AwsErrorClassification(EvidenceFailureKind Kind, RetryClass Retry);
