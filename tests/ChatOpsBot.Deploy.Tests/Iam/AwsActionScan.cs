using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ChatOpsBot.Deploy.Tests.Iam;

/// <summary>
/// Every AWS action an assembly can call, read from its IL (no source parsing, no hand-written list):
/// <list type="bullet">
/// <item>SDK calls: member references to <c>Amazon.&lt;Service&gt;.IAmazon*::&lt;Action&gt;Async</c> (or the concrete
/// <c>Amazon*Client</c>) and constructors of <c>Amazon.&lt;Service&gt;.Model.&lt;Action&gt;Request</c>; the SDK's
/// <c>AssumeRoleAWSCredentials</c> counts as <c>sts:AssumeRole</c>.</item>
/// <item>Query calls: the string literal pushed right after an <c>AwsQueryClient</c> receiver, in front of each call to
/// its <c>SendAsync</c>/<c>SendAllPagesAsync</c>. A call whose action is not such a literal is reported as
/// unresolved, so a helper that hides the action cannot make the scan miss it silently.</item>
/// </list>
/// </summary>
internal sealed class AwsActionScan
{
    /// <summary>SDK namespaces (<c>Amazon.X</c>) to IAM service prefixes.</summary>
    public static readonly IReadOnlyDictionary<string, string> SdkServices = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Amazon.EC2"] = "ec2",
        ["Amazon.SimpleSystemsManagement"] = "ssm",
        ["Amazon.SecurityToken"] = "sts",
    };

    /// <summary>The namespace of the adapter that owns a Query client, to its IAM service prefix (the Classic ELB API
    /// shares <c>elasticloadbalancing</c> with ELBv2; CloudWatch signs as <c>monitoring</c> but authorises as
    /// <c>cloudwatch</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> QueryServices = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ChatOpsBot.Aws.Elbv2"] = "elasticloadbalancing",
        ["ChatOpsBot.Aws.CloudWatch"] = "cloudwatch",
        ["ChatOpsBot.Aws.Sts"] = "sts",
    };

    private const string QueryClient = "ChatOpsBot.Aws.Query.AwsQueryClient";
    private static readonly string[] QuerySendMethods = ["SendAsync", "SendAllPagesAsync"];

    private AwsActionScan(IReadOnlySet<AwsAction> actions, IReadOnlyList<string> problems)
    {
        Actions = actions;
        Problems = problems;
    }

    /// <summary>The actions found, with their IAM service prefix.</summary>
    public IReadOnlySet<AwsAction> Actions { get; }

    /// <summary>What the scan could not resolve (each names the method to look at); must be empty.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static AwsActionScan Of(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var actions = new SortedSet<AwsAction>();
        var problems = new List<string>();
        ScanSdkReferences(reader, actions, problems);
        ScanQueryCalls(pe, reader, actions, problems);
        return new AwsActionScan(actions, problems);
    }

    private static void ScanSdkReferences(MetadataReader reader, ISet<AwsAction> actions, List<string> problems)
    {
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var type = reader.GetTypeReference((TypeReferenceHandle)member.Parent);
            var ns = reader.GetString(type.Namespace);
            var typeName = reader.GetString(type.Name);
            var name = reader.GetString(member.Name);
            if (!ns.StartsWith("Amazon.", StringComparison.Ordinal))
            {
                continue;
            }

            var isClient = (typeName.StartsWith("IAmazon", StringComparison.Ordinal) && typeName != "IAmazonService")
                || (typeName.StartsWith("Amazon", StringComparison.Ordinal) && typeName.EndsWith("Client", StringComparison.Ordinal));
            if (isClient && name.EndsWith("Async", StringComparison.Ordinal))
            {
                Add(ns, name[..^"Async".Length], $"{ns}.{typeName}::{name}");
            }
            else if (name == ".ctor" && ns.EndsWith(".Model", StringComparison.Ordinal) && typeName.EndsWith("Request", StringComparison.Ordinal))
            {
                Add(ns[..^".Model".Length], typeName[..^"Request".Length], $"{ns}.{typeName}");
            }
        }

        foreach (var handle in reader.TypeReferences)
        {
            var type = reader.GetTypeReference(handle);
            if (reader.GetString(type.Name) == "AssumeRoleAWSCredentials")
            {
                actions.Add(new AwsAction("sts", "AssumeRole"));
            }
        }

        void Add(string sdkNamespace, string action, string where)
        {
            if (SdkServices.TryGetValue(sdkNamespace, out var service))
            {
                actions.Add(new AwsAction(service, action));
            }
            else
            {
                problems.Add($"{where} calls an AWS SDK service this test does not know: add \"{sdkNamespace}\" with its IAM prefix to {nameof(AwsActionScan)}.{nameof(SdkServices)}.");
            }
        }
    }

    private static void ScanQueryCalls(PEReader pe, MetadataReader reader, ISet<AwsAction> actions, List<string> problems)
    {
        var types = new TypeNameProvider();
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            var outer = type;
            while (!outer.GetDeclaringType().IsNil)
            {
                outer = reader.GetTypeDefinition(outer.GetDeclaringType());
            }

            var outerName = TypeNameProvider.FullName(reader, outer);
            if (outerName == QueryClient)
            {
                continue; // the client forwards its own action parameter between its methods
            }

            var ns = reader.GetString(outer.Namespace);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var where = $"{outerName}.{reader.GetString(method.Name)} ({TypeNameProvider.FullName(reader, type)})";
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                var signature = method.DecodeSignature(types, null);
                var locals = body.LocalSignature.IsNil
                    ? []
                    : reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(types, null);
                var isStatic = (method.Attributes & System.Reflection.MethodAttributes.Static) != 0;
                string ArgumentType(int index) =>
                    !isStatic && index == 0 ? TypeNameProvider.FullName(reader, type)
                    : index - (isStatic ? 0 : 1) < signature.ParameterTypes.Length ? signature.ParameterTypes[index - (isStatic ? 0 : 1)] : "?";

                var pending = new Stack<string>();
                string? loaded = null;
                foreach (var instruction in IlInstructions.Decode(body.GetILContent()))
                {
                    if (instruction.OpCode == ILOpCode.Ldstr && loaded == QueryClient)
                    {
                        pending.Push(reader.GetUserString(MetadataTokens.UserStringHandle(instruction.Operand)));
                    }
                    else if (instruction.OpCode is ILOpCode.Call or ILOpCode.Callvirt && IsQuerySend(reader, instruction.Operand))
                    {
                        if (pending.Count == 0)
                        {
                            problems.Add($"{where} calls {QueryClient} with an action that is not a string literal: pass the action name as a literal so the IAM test can see it.");
                        }
                        else if (QueryServices.TryGetValue(ns, out var service))
                        {
                            actions.Add(new AwsAction(service, pending.Pop()));
                        }
                        else
                        {
                            problems.Add($"{where} sends Query action {pending.Pop()} from namespace {ns}: add \"{ns}\" with its IAM prefix to {nameof(AwsActionScan)}.{nameof(QueryServices)}.");
                        }
                    }

                    loaded = instruction.OpCode switch
                    {
                        ILOpCode.Ldfld or ILOpCode.Ldsfld => FieldType(reader, instruction.Operand, types),
                        ILOpCode.Ldarg_0 => ArgumentType(0),
                        ILOpCode.Ldarg_1 => ArgumentType(1),
                        ILOpCode.Ldarg_2 => ArgumentType(2),
                        ILOpCode.Ldarg_3 => ArgumentType(3),
                        ILOpCode.Ldarg_s or ILOpCode.Ldarg => ArgumentType(instruction.Operand),
                        ILOpCode.Ldloc_0 => Local(locals, 0),
                        ILOpCode.Ldloc_1 => Local(locals, 1),
                        ILOpCode.Ldloc_2 => Local(locals, 2),
                        ILOpCode.Ldloc_3 => Local(locals, 3),
                        ILOpCode.Ldloc_s or ILOpCode.Ldloc => Local(locals, instruction.Operand),
                        _ => null,
                    };
                }
            }
        }
    }

    private static string Local(System.Collections.Immutable.ImmutableArray<string> locals, int index) =>
        index < locals.Length ? locals[index] : "?";

    private static string? FieldType(MetadataReader reader, int token, TypeNameProvider types)
    {
        var handle = MetadataTokens.EntityHandle(token);
        return handle.Kind == HandleKind.FieldDefinition
            ? reader.GetFieldDefinition((FieldDefinitionHandle)handle).DecodeSignature(types, null)
            : null;
    }

    private static bool IsQuerySend(MetadataReader reader, int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        if (handle.Kind != HandleKind.MethodDefinition)
        {
            return false;
        }

        var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
        return TypeNameProvider.FullName(reader, reader.GetTypeDefinition(method.GetDeclaringType())) == QueryClient
            && QuerySendMethods.Contains(reader.GetString(method.Name));
    }
}
