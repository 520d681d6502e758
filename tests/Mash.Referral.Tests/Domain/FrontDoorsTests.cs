using Mash.Referral.Domain;

namespace Mash.Referral.Tests.Domain;

public sealed class FrontDoorsTests
{
    private static readonly Dictionary<string, string> Partnership = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = "local-social-care",
        ["merton"] = "merton-children",
        ["surrey"] = " ",
    };

    [Fact]
    public void Each_area_names_the_node_that_runs_its_mash_front_door()
    {
        var police = new FrontDoors(Partnership, "local-police");

        Assert.Equal("local-social-care", police.NodeFor("default"));
        Assert.Equal("merton-children", police.NodeFor("MERTON"));
        Assert.False(police.IsHere("default"));
        Assert.False(police.AnyHere);
    }

    [Fact]
    public void An_area_left_out_or_left_blank_has_no_front_door()
    {
        var police = new FrontDoors(Partnership, "local-police");

        Assert.Null(police.NodeFor("kent"));
        Assert.Null(police.NodeFor("surrey"));
        Assert.Equal("Mash:Partnership:FrontDoors:kent", FrontDoors.SettingFor("kent"));
    }

    [Fact]
    public void The_node_named_for_an_area_is_its_front_door()
    {
        var socialCare = new FrontDoors(Partnership, "local-social-care");

        Assert.True(socialCare.IsHere("default"));
        Assert.False(socialCare.IsHere("merton"));
        Assert.True(socialCare.AnyHere);
    }
}
