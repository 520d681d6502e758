using System.Reflection;
using Mash.Platform.Audit;

namespace Mash.Platform.Tests.Audit;

public sealed class AuditChainTests
{
    private const int Length = 6;

    /// <summary>A chain as the trail writes it: Sequence 1..n, each linked to the hash before it.</summary>
    private static List<AuditEntry> Chain(int length = Length)
    {
        var chain = new List<AuditEntry>();
        var previous = AuditHasher.Genesis;
        var start = new DateTime(2026, 3, 2, 9, 15, 0, DateTimeKind.Utc).AddTicks(1234567);
        for (var i = 1; i <= length; i++)
        {
            var entry = new AuditEntry
            {
                Sequence = i,
                OccurredAt = start.AddMinutes(7 * i),
                Agency = i % 2 == 0 ? "police" : "children-social-care",
                ClientId = $"client-{i}",
                Method = "/mash.referral.v1.Referrals/GetReferral",
                ChildKey = $"child-key-{i % 3}",
                RecordId = $"referral-{i}",
                Purpose = "MASH screening of referral",
                LawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK",
                Outcome = i == 3 ? "PermissionDenied" : "OK",
                PreviousHash = previous,
            };
            entry.Hash = AuditHasher.Compute(entry);
            previous = entry.Hash;
            chain.Add(entry);
        }

        return chain;
    }

    private static readonly PropertyInfo[] StringFields =
        [.. typeof(AuditEntry).GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite)];

    public static TheoryData<int> Positions() => [.. Enumerable.Range(0, Length)];

    [Fact]
    public void A_chain_written_in_order_is_intact()
    {
        var result = AuditVerifier.Verify(Chain());

        Assert.True(result.Intact, result.Reason);
        Assert.Equal(Length, result.EntriesChecked);
        Assert.Null(result.FirstBrokenSequence);
    }

    [Fact]
    public void An_empty_chain_is_intact()
    {
        var result = AuditVerifier.Verify([]);

        Assert.True(result.Intact);
        Assert.Equal(0, result.EntriesChecked);
    }

    [Fact]
    public void Every_recorded_field_is_checked_by_the_tamper_tests()
    {
        // Guards the reflection below: if it found nothing, the tamper tests would prove nothing.
        string[] recorded = ["Agency", "ClientId", "Method", "ChildKey", "RecordId", "Purpose", "LawfulBasis", "Outcome", "PreviousHash", "Hash"];
        Assert.Subset(StringFields.Select(p => p.Name).ToHashSet(), recorded.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public void Changing_any_text_field_of_an_entry_is_detected_at_that_entry(int position)
    {
        foreach (var field in StringFields)
        {
            var chain = Chain();
            var entry = chain[position];
            field.SetValue(entry, (string)field.GetValue(entry)! + "x");

            var result = AuditVerifier.Verify(chain);

            Assert.False(result.Intact, $"{field.Name} of entry {entry.Sequence} changed unnoticed");
            Assert.Equal(entry.Sequence, result.FirstBrokenSequence);
        }
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public void Changing_when_an_entry_happened_is_detected_at_that_entry(int position)
    {
        foreach (var change in new[] { TimeSpan.FromTicks(1), TimeSpan.FromSeconds(-1), TimeSpan.FromDays(1) })
        {
            var chain = Chain();
            chain[position].OccurredAt += change;

            var result = AuditVerifier.Verify(chain);

            Assert.False(result.Intact, $"OccurredAt {change} of entry {position + 1} changed unnoticed");
            Assert.Equal(position + 1, result.FirstBrokenSequence);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void Changing_an_entry_and_rehashing_it_is_detected_at_the_next_entry(int position)
    {
        // Someone who edits a row and recomputes its hash still breaks the link from the next one.
        var chain = Chain();
        chain[position].Outcome = "OK (amended)";
        chain[position].Hash = AuditHasher.Compute(chain[position]);

        var result = AuditVerifier.Verify(chain);

        Assert.False(result.Intact);
        Assert.Equal(position + 2, result.FirstBrokenSequence);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void Removing_an_entry_is_detected(int position)
    {
        var chain = Chain();
        chain.RemoveAt(position);

        var result = AuditVerifier.Verify(chain);

        Assert.False(result.Intact);
        Assert.Equal(position + 2, result.FirstBrokenSequence); // the entry after the gap
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Removing_an_entry_and_renumbering_the_rest_is_detected(int position)
    {
        var chain = Chain();
        chain.RemoveAt(position);
        for (var i = 0; i < chain.Count; i++)
        {
            chain[i].Sequence = i + 1;
        }

        var result = AuditVerifier.Verify(chain);

        Assert.False(result.Intact);
        Assert.Equal(position + 1, result.FirstBrokenSequence);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 4)]
    [InlineData(4, 5)]
    public void Swapping_two_entries_is_detected(int first, int second)
    {
        var chain = Chain();
        (chain[first], chain[second]) = (chain[second], chain[first]);

        var result = AuditVerifier.Verify(chain);

        Assert.False(result.Intact);
        Assert.Equal(second + 1, result.FirstBrokenSequence); // found where the first was expected
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 4)]
    [InlineData(4, 5)]
    public void Swapping_two_entries_and_their_sequence_numbers_is_detected(int first, int second)
    {
        var chain = Chain();
        (chain[first], chain[second]) = (chain[second], chain[first]);
        (chain[first].Sequence, chain[second].Sequence) = (chain[second].Sequence, chain[first].Sequence);

        var result = AuditVerifier.Verify(chain);

        Assert.False(result.Intact);
        Assert.Equal(first + 1, result.FirstBrokenSequence);
    }

    [Fact]
    public void Moving_text_between_neighbouring_fields_is_detected()
    {
        // Entry 2 was written with a purpose that contains U+001F (a purpose can come from a
        // request body, see CallAudit.RequireStatedPurpose's fallbackPurpose).
        var chain = Chain();
        var entry = chain[1];
        entry.Purpose = "Screening\u001fLAWFUL_BASIS_CONSENT";
        entry.LawfulBasis = "LAWFUL_BASIS_PUBLIC_TASK";
        entry.Hash = AuditHasher.Compute(entry);
        RelinkFrom(chain, 2);

        // Someone with database access moves the boundary: two fields now say something else.
        entry.Purpose = "Screening";
        entry.LawfulBasis = "LAWFUL_BASIS_CONSENT\u001fLAWFUL_BASIS_PUBLIC_TASK";

        var result = AuditVerifier.Verify(chain);

        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    private static void RelinkFrom(List<AuditEntry> chain, int index)
    {
        for (var i = index; i < chain.Count; i++)
        {
            chain[i].PreviousHash = chain[i - 1].Hash;
            chain[i].Hash = AuditHasher.Compute(chain[i]);
        }
    }
}
