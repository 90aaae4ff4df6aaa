using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Deploy.Tests.Support;

/// <summary>One Kubernetes object from deploy/kubernetes.</summary>
internal sealed record KubernetesObject(string File, string ApiVersion, string Kind, KubernetesMetadata Metadata, YamlMappingNode Root);

internal sealed record KubernetesMetadata(string Name, string? Namespace, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations);

/// <summary>Parses every YAML document of every file in deploy/kubernetes.</summary>
internal static class KubernetesManifests
{
    public static IReadOnlyList<KubernetesObject> Load()
    {
        var objects = new List<KubernetesObject>();
        foreach (var path in Directory.GetFiles(DeployPaths.Deploy("kubernetes"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                stream.Load(reader);
            }

            var file = Path.GetFileName(path);
            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode root)
                {
                    throw new InvalidDataException($"{file}: a document is not a mapping.");
                }

                var kind = root.Str("kind") ?? throw new InvalidDataException($"{file}: a document has no kind.");
                if (kind == "Kustomization")
                {
                    objects.Add(new KubernetesObject(file, root.Str("apiVersion") ?? "", kind, new KubernetesMetadata("kustomization", null, new Dictionary<string, string>(), new Dictionary<string, string>()), root));
                    continue;
                }

                var metadata = new KubernetesMetadata(
                    root.Str("metadata.name") ?? throw new InvalidDataException($"{file}: {kind} has no metadata.name."),
                    root.Str("metadata.namespace"),
                    root.Dict("metadata.labels"),
                    root.Dict("metadata.annotations"));
                objects.Add(new KubernetesObject(file, root.Str("apiVersion") ?? throw new InvalidDataException($"{file}: {kind} has no apiVersion."), kind, metadata, root));
            }
        }

        return objects;
    }

    public static KubernetesObject Single(this IReadOnlyList<KubernetesObject> objects, string kind) =>
        objects.Where(o => o.Kind == kind).ToArray() is [var one] ? one : throw new InvalidDataException($"expected exactly one {kind} in deploy/kubernetes.");
}
