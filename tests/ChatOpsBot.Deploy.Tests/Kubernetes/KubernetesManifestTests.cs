using ChatOpsBot.Deploy.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Deploy.Tests.Kubernetes;

/// <summary>deploy/kubernetes: what the API server, the kubelet and the bot will do with these objects.</summary>
public sealed class KubernetesManifestTests
{
    private readonly IReadOnlyList<KubernetesObject> _objects = KubernetesManifests.Load();

    private KubernetesObject Deployment => _objects.Single("Deployment");

    private YamlMappingNode PodSpec => Deployment.Root.Map("spec.template.spec");

    private YamlNode Container => Assert.Single(PodSpec.Seq("containers"));

    private IReadOnlyDictionary<string, string> PodLabels => Deployment.Root.Dict("spec.template.metadata.labels");

    [Fact]
    public void Manifests_AreOneNamespaceOfKnownKinds()
    {
        var expected = new[] { "ConfigMap", "Deployment", "Kustomization", "Namespace", "PodDisruptionBudget", "Secret", "Service", "ServiceAccount" };
        Assert.Equal(expected, _objects.Select(o => o.Kind).Order(StringComparer.Ordinal));

        var ns = _objects.Single("Namespace").Metadata.Name;
        Assert.All(_objects.Where(o => o.Kind is not "Namespace" and not "Kustomization"), o => Assert.True(ns == o.Metadata.Namespace, $"{o.File}: {o.Kind} is in namespace '{o.Metadata.Namespace}', not '{ns}'."));
    }

    [Fact]
    public void Deployment_RunsTwoReplicasAndSelectsItsOwnPods()
    {
        Assert.Equal("apps/v1", Deployment.ApiVersion);
        Assert.Equal(2, Deployment.Root.Int("spec.replicas"));
        AssertSelects(Deployment.Root.Dict("spec.selector.matchLabels"), "Deployment selector");
        Assert.Equal(0, Deployment.Root.Int("spec.strategy.rollingUpdate.maxUnavailable"));
    }

    [Fact]
    public void Probes_HitHealthzAndReadyzOnTheContainerPort()
    {
        Assert.Equal(DeployFacts.ContainerPort, ContainerPort("http"));

        AssertProbe("livenessProbe", DeployFacts.LivenessPath);
        AssertProbe("readinessProbe", DeployFacts.ReadinessPath);
        if (Container.Find("startupProbe") is not null)
        {
            AssertProbe("startupProbe", DeployFacts.LivenessPath);
        }

        // Liveness must not follow readiness: a database outage makes /readyz fail, and restarting the pod for it
        // would turn an outage into a crash loop.
        Assert.NotEqual(Container.Str("livenessProbe.httpGet.path"), Container.Str("readinessProbe.httpGet.path"));
    }

    [Fact]
    public void Container_ListensWhereTheImageDoes()
    {
        var args = Container.SeqOrEmpty("args").Select(a => ((YamlScalarNode)a).Value).ToArray();
        Assert.Equal("serve", args.FirstOrDefault());
        var urls = Array.IndexOf(args, "--urls");
        if (urls >= 0)
        {
            Assert.Equal(DeployFacts.ContainerPort, new Uri(args[urls + 1]!).Port);
        }
    }

    [Fact]
    public void Pod_RunsNonRootOnAReadOnlyRootWithNoPrivileges()
    {
        foreach (var (where, context) in new[] { ("pod", PodSpec.Map("securityContext")), ("container", Container.Map("securityContext")) })
        {
            Assert.True(context.Bool("runAsNonRoot") ?? where == "container", $"{where} securityContext.runAsNonRoot must be true");
            if (context.Int("runAsUser") is { } uid)
            {
                Assert.True(uid == DeployFacts.ImageUid, $"{where} runAsUser {uid} differs from the image's USER {DeployFacts.ImageUid}");
            }

            if (context.Str("seccompProfile.type") is { } seccomp)
            {
                Assert.Equal("RuntimeDefault", seccomp);
            }
        }

        var container = Container.Map("securityContext");
        Assert.True(container.Bool("readOnlyRootFilesystem"), "readOnlyRootFilesystem must be true");
        Assert.False(container.Bool("allowPrivilegeEscalation") ?? true, "allowPrivilegeEscalation must be false");
        Assert.NotEqual(true, container.Bool("privileged"));
        Assert.Equal(["ALL"], container.Seq("capabilities.drop").Select(n => ((YamlScalarNode)n).Value));
        Assert.Null(container.Find("capabilities.add"));
        Assert.Equal("RuntimeDefault", container.Str("seccompProfile.type") ?? PodSpec.Str("securityContext.seccompProfile.type"));
    }

    [Fact]
    public void Pod_WritesOnlyToAnEmptyDirAtTmp()
    {
        var mounts = Container.SeqOrEmpty("volumeMounts");
        var tmp = Assert.Single(mounts, m => m.Str("mountPath") == "/tmp");
        var volume = Assert.Single(PodSpec.Seq("volumes"), v => v.Str("name") == tmp.Str("name"));
        Assert.NotNull(volume.Find("emptyDir"));
    }

    [Fact]
    public void Container_HasCpuAndMemoryRequestsWithinLimits()
    {
        foreach (var resource in new[] { "cpu", "memory" })
        {
            var request = Container.Str($"resources.requests.{resource}");
            var limit = Container.Str($"resources.limits.{resource}");
            Assert.True(request is not null && limit is not null, $"resources.requests.{resource} and resources.limits.{resource} must both be set");
            Assert.True(Quantities.Parse(request) <= Quantities.Parse(limit), $"{resource} request {request} exceeds its limit {limit}");
        }
    }

    [Fact]
    public void Environment_TakesSecretsFromTheSecretAndTheRestFromTheConfigMap()
    {
        var configMap = _objects.Single("ConfigMap");
        var secret = _objects.Single("Secret");
        var secretKeys = secret.Root.Dict("stringData").Keys.Concat(secret.Root.Dict("data").Keys).ToHashSet(StringComparer.Ordinal);

        foreach (var source in Container.SeqOrEmpty("envFrom"))
        {
            if (source.Str("configMapRef.name") is { } map)
            {
                Assert.Equal(configMap.Metadata.Name, map);
            }

            Assert.Null(source.Find("secretRef"));
        }

        var env = Container.Seq("env").ToDictionary(e => e.Str("name")!, e => e, StringComparer.Ordinal);
        foreach (var (name, entry) in env)
        {
            if (entry.Find("valueFrom.secretKeyRef") is { } secretRef)
            {
                Assert.True(secret.Metadata.Name == secretRef.Str("name"), $"{name} refers to Secret '{secretRef.Str("name")}', not '{secret.Metadata.Name}'");
                Assert.True(secretKeys.Contains(secretRef.Str("key")!), $"{name} refers to key '{secretRef.Str("key")}', which the Secret does not have");
            }

            if (entry.Find("valueFrom.configMapKeyRef") is { } mapRef)
            {
                Assert.Equal(configMap.Metadata.Name, mapRef.Str("name"));
                Assert.Contains(mapRef.Str("key")!, configMap.Root.Dict("data").Keys);
            }
        }

        foreach (var secretSetting in new[] { "Discord__BotToken", "Transcripts__PostgresConnectionString" })
        {
            Assert.True(env.TryGetValue(secretSetting, out var entry) && entry.Find("valueFrom.secretKeyRef") is not null, $"{secretSetting} must come from a secretKeyRef");
            Assert.DoesNotContain(secretSetting, configMap.Root.Dict("data").Keys);
        }

        Assert.Equal("metadata.name", env["Discord__ReplicaId"].Str("valueFrom.fieldRef.fieldPath"));
        Assert.Equal("postgres", configMap.Root.Dict("data").GetValueOrDefault("Transcripts__Provider"));
    }

    [Fact]
    public void SecretExample_HoldsOnlyPlaceholdersAndIsNotAppliedByKustomize()
    {
        var secret = _objects.Single("Secret");
        Assert.All(secret.Root.Dict("stringData"), p => Assert.Contains("REPLACE-ME", p.Value, StringComparison.Ordinal));
        Assert.Empty(secret.Root.Dict("data"));

        var resources = _objects.Single("Kustomization").Root.Seq("resources").Select(r => ((YamlScalarNode)r).Value!).ToArray();
        Assert.DoesNotContain(secret.File, resources);
        Assert.All(resources, r => Assert.True(File.Exists(DeployPaths.Deploy("kubernetes", r)), $"kustomization lists {r}, which does not exist"));
        var listed = _objects.Where(o => o.Kind is not "Kustomization" and not "Secret").Select(o => o.File).Distinct();
        Assert.All(listed, f => Assert.Contains(f, resources));
    }

    [Fact]
    public void ShutdownGracePeriod_EndsBeforeTheKubeletKillsThePod()
    {
        var grace = DeployFacts.ParseGracePeriod(_objects.Single("ConfigMap").Root.Dict("data")["Shutdown__GracePeriod"]);
        var termination = TimeSpan.FromSeconds(PodSpec.Int("terminationGracePeriodSeconds") ?? 30);

        DeployFacts.AssertOutlastsGrace(grace, termination, "terminationGracePeriodSeconds");
    }

    [Fact]
    public void Service_TargetsTheContainerPortOfTheDeploymentsPods()
    {
        var service = _objects.Single("Service");
        AssertSelects(service.Root.Dict("spec.selector"), "Service selector");
        var port = Assert.Single(service.Root.Seq("spec.ports"));
        var target = port.Str("targetPort")!;
        Assert.Equal(DeployFacts.ContainerPort, int.TryParse(target, out var number) ? number : ContainerPort(target));
    }

    [Fact]
    public void PodDisruptionBudget_KeepsOneOfTheDeploymentsPods()
    {
        var pdb = _objects.Single("PodDisruptionBudget");
        Assert.Equal("policy/v1", pdb.ApiVersion);
        Assert.Equal(1, pdb.Root.Int("spec.minAvailable"));
        Assert.True(pdb.Root.Int("spec.minAvailable") < Deployment.Root.Int("spec.replicas"), "minAvailable must be below replicas, or no node can ever be drained");
        AssertSelects(pdb.Root.Dict("spec.selector.matchLabels"), "PodDisruptionBudget selector");
    }

    [Fact]
    public void ServiceAccount_CarriesTheIrsaRoleAndIsTheOneThePodsUse()
    {
        var account = _objects.Single("ServiceAccount");
        Assert.Equal(account.Metadata.Name, PodSpec.Str("serviceAccountName"));
        Assert.Matches(@"^arn:aws:iam::\d{12}:role/[\w+=,.@/-]+$", account.Metadata.Annotations["eks.amazonaws.com/role-arn"]);
    }

    [Fact]
    public void Replicas_SpreadAcrossNodesAndPrometheusScrapesMetrics()
    {
        var spread = PodSpec.SeqOrEmpty("topologySpreadConstraints");
        var antiAffinity = PodSpec.Find("affinity.podAntiAffinity");
        Assert.True(spread.Count > 0 || antiAffinity is not null, "two replicas on one node fail together: add topologySpreadConstraints or podAntiAffinity");
        Assert.All(spread, c => AssertSelects(c.Dict("labelSelector.matchLabels"), "topology spread selector"));
        Assert.Contains(spread, c => c.Str("topologyKey") == "kubernetes.io/hostname");

        var annotations = Deployment.Root.Dict("spec.template.metadata.annotations");
        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal(DeployFacts.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), annotations["prometheus.io/port"]);
        Assert.Equal(DeployFacts.MetricsPath, annotations["prometheus.io/path"]);
    }

    [SkippableFact]
    public async Task Kustomize_BuildsEveryObjectButTheSecretWithTheConfiguredImage()
    {
        var kubectl = ExternalTool.Find("kubectl");
        Skip.If(kubectl is null, "kubectl is not installed");

        var (exitCode, stdout, stderr) = await ExternalTool.RunAsync(kubectl, "kustomize", DeployPaths.Deploy("kubernetes"));

        Assert.True(exitCode == 0, $"kubectl kustomize failed: {stderr}");
        var built = new YamlStream();
        built.Load(new StringReader(stdout));
        var kinds = built.Documents.Select(d => d.RootNode.Str("kind")).Order(StringComparer.Ordinal);
        Assert.Equal(_objects.Where(o => o.Kind is not "Kustomization" and not "Secret").Select(o => o.Kind).Order(StringComparer.Ordinal), kinds);

        var image = _objects.Single("Kustomization").Root.Seq("images")[0];
        var deployment = built.Documents.Single(d => d.RootNode.Str("kind") == "Deployment").RootNode;
        Assert.Equal($"{image.Str("name")}:{image.Str("newTag")}", Assert.Single(deployment.Seq("spec.template.spec.containers")).Str("image"));
    }

    private void AssertProbe(string probe, string path)
    {
        Assert.True(Container.Str($"{probe}.httpGet.path") == path, $"{probe} must GET {path}, not {Container.Str($"{probe}.httpGet.path")}");
        var port = Container.Str($"{probe}.httpGet.port")!;
        Assert.Equal(DeployFacts.ContainerPort, int.TryParse(port, out var number) ? number : ContainerPort(port));
    }

    private int ContainerPort(string name) =>
        Container.Seq("ports").SingleOrDefault(p => p.Str("name") == name)?.Int("containerPort")
        ?? throw new InvalidDataException($"the container has no port named '{name}'");

    /// <summary>A selector selects the Deployment's pods when every label it requires is on the pod template.</summary>
    private void AssertSelects(IReadOnlyDictionary<string, string> selector, string what)
    {
        Assert.True(selector.Count > 0, $"{what} is empty and would select every pod in the namespace");
        foreach (var (key, value) in selector)
        {
            Assert.True(PodLabels.TryGetValue(key, out var actual) && actual == value, $"{what} requires {key}={value}, which the Deployment's pods do not carry");
        }
    }
}
