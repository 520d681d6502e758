using Mash.Platform.Persistence;
using Npgsql;

namespace Mash.Platform.Tests.Persistence;

public sealed class PostgreSqlConnectionDefaultsTests
{
    [Fact]
    public void A_connection_string_that_says_nothing_gets_prepared_statements_and_no_reset_on_return()
    {
        var applied = new NpgsqlConnectionStringBuilder(
            PostgreSqlConnectionDefaults.Apply("Host=db.example;Database=mash_referral;Username=mash;Password=secret"));

        Assert.Equal(PostgreSqlConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal(PostgreSqlConnectionDefaults.AutoPrepareMinUsages, applied.AutoPrepareMinUsages);
        Assert.True(applied.NoResetOnClose);
        Assert.Equal("db.example", applied.Host);
        Assert.Equal("secret", applied.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;Auto Prepare Min Usages=5;No Reset On Close=false")]
    [InlineData("host=db;max auto prepare=0;AUTO PREPARE MIN USAGES=5;no reset on close=false")]
    [InlineData("Host=db;MaxAutoPrepare=0;AutoPrepareMinUsages=5;NoResetOnClose=false")]
    public void What_the_operator_gave_is_kept_in_any_case(string connectionString)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply(connectionString));

        Assert.Equal(0, applied.MaxAutoPrepare);
        Assert.Equal(5, applied.AutoPrepareMinUsages);
        Assert.False(applied.NoResetOnClose);
    }
}
