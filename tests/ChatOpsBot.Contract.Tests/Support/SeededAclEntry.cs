namespace ChatOpsBot.Contract.Tests.Support;

public sealed record SeededAclEntry(
    int RuleNumber, string Protocol, string RuleAction, bool Egress, string CidrBlock, int? PortFrom, int? PortTo);
