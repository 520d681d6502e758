using Mash.Contracts.Events.V1;
using Mash.Platform.Eventing.Transport;

namespace Mash.Platform.Tests.Eventing.Transport;

public sealed class MessageAddressTests
{
    [Fact]
    public void An_event_for_one_node_is_for_that_node_and_its_origin()
    {
        var receipt = new EventEnvelope { OriginNode = "social-care", DestinationNode = "police" };
        Assert.Equal(["police", "social-care"], MessageAddress.NodesOf(receipt));
    }

    [Fact]
    public void An_event_within_a_node_is_for_that_node_alone()
    {
        var decided = new EventEnvelope { OriginNode = "police", DestinationNode = "police" };
        Assert.Equal(["police"], MessageAddress.NodesOf(decided));
    }

    [Fact]
    public void An_event_shared_under_agreements_is_for_its_recipients()
    {
        var flag = new EventEnvelope { OriginNode = "police", RecipientNodes = { "police", "social-care", "health" } };
        Assert.Equal(["police", "social-care", "health"], MessageAddress.NodesOf(flag));
    }

    [Fact]
    public void An_answer_for_the_service_that_shared_is_for_that_service_and_others_for_every_service()
    {
        Assert.Equal("strategy", MessageAddress.ServiceOf(new EventEnvelope { DestinationNode = "police", DestinationService = "strategy" }));
        Assert.Equal("", MessageAddress.ServiceOf(new EventEnvelope { DestinationNode = "police" }));
    }

    [Fact]
    public void An_event_from_before_addresses_is_for_every_node()
    {
        Assert.Empty(MessageAddress.NodesOf(new EventEnvelope { OriginNode = "police" }));
    }
}
