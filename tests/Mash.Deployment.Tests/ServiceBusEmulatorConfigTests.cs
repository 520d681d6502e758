using System.Reflection;
using System.Text.Json.Nodes;
using Mash.Deployment.Tests.Infrastructure;
using Mash.Platform.Eventing;

namespace Mash.Deployment.Tests;

/// <summary>
/// The emulator declares exactly the topics of <see cref="Topics"/> and, on each, a subscription
/// per consuming service and node, named as the code names it (Topics.SubscriptionName): a
/// missing one stops a service at start-up, an extra one fills up with events nobody reads.
/// </summary>
public sealed class ServiceBusEmulatorConfigTests
{
    private const string File = "deploy/compose/servicebus-emulator.json";

    private static JsonNode Namespace => Assert.Single(JsonNode.Parse(Repo.Read(File))!["UserConfig"]!["Namespaces"]!.AsArray())!;

    private static IEnumerable<JsonNode> TopicNodes => Namespace["Topics"].Items();

    [Fact]
    public void The_topics_are_those_the_code_uses()
    {
        var inCode = typeof(Topics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).Order().ToList();

        var declared = TopicNodes.Select(t => t["Name"].Text()).Order().ToList();

        Assert.True(inCode.SequenceEqual(declared), $"{File} declares topics {string.Join(", ", declared)}; Topics in the code has {string.Join(", ", inCode)}");
    }

    [Fact]
    public void The_subscriptions_are_those_the_services_subscribe_with_for_the_compose_node()
    {
        var nodes = Deployable.Services.Select(s => Compose.Env(s.ComposeService, "Mash__Node__Id")).Distinct().ToList();
        var expected = Deployable.Services
            .SelectMany(s => s.ConsumedTopics.SelectMany(topic => nodes.Select(node => $"{topic}/{Topics.SubscriptionName(s.ConsumerName, node)}")))
            .Order().ToList();

        var declared = TopicNodes.SelectMany(t => t["Subscriptions"].Items().Select(s => $"{t["Name"].Text()}/{s["Name"].Text()}")).Order().ToList();

        Assert.True(expected.Count > 0, "no subscription found in the services' code");
        Assert.True(expected.SequenceEqual(declared),
            $"{File} declares {string.Join(", ", declared)}; the services subscribe with {string.Join(", ", expected)}");
    }

    [Fact]
    public void Subscriptions_have_sessions_and_the_delivery_count_of_the_code_and_topics_drop_duplicates()
    {
        var maxDeliveryCount = new EventingOptions().MaxDeliveryCount;

        foreach (var topic in TopicNodes)
        {
            Assert.True(topic["Properties"]?["RequiresDuplicateDetection"]?.GetValue<bool>() == true,
                $"{File}: topic {topic["Name"]} needs duplicate detection (the relay resends after a crash)");
            foreach (var subscription in topic["Subscriptions"].Items())
            {
                var where = $"{File}: subscription {topic["Name"]}/{subscription["Name"]}";
                Assert.True(subscription["Properties"]?["RequiresSession"]?.GetValue<bool>() == true, $"{where} must require sessions (one child's events in order)");
                Assert.True(subscription["Properties"]?["MaxDeliveryCount"]?.GetValue<int>() == maxDeliveryCount,
                    $"{where} has MaxDeliveryCount {subscription["Properties"]?["MaxDeliveryCount"]}, the services expect {maxDeliveryCount}");
            }
        }
    }

    [Fact]
    public void The_namespace_is_the_one_the_emulator_serves()
    {
        Assert.Equal("sbemulatorns", Namespace["Name"].Text());
    }
}
