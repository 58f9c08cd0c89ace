using LlmLab.Analytics.TenantData;

namespace LlmLab.UnitTests.Analytics;

/// <summary>
/// The erasure cutoff against version 7 run ids, compared the way PostgreSQL compares uuids (byte by byte, which is the
/// order of their canonical text).
/// </summary>
public class ErasureFenceTests
{
    private static int Compare(Guid a, Guid b) => string.CompareOrdinal(a.ToString(), b.ToString());

    [Fact]
    public void A_run_created_up_to_the_erasure_millisecond_is_behind_the_cutoff_and_a_later_one_is_not()
    {
        var erasedAt = new DateTimeOffset(2026, 11, 29, 1, 2, 3, 456, TimeSpan.Zero);
        var cutoff = ErasureFence.RunCutoff(erasedAt);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(Compare(Guid.CreateVersion7(erasedAt), cutoff) <= 0);
            Assert.True(Compare(Guid.CreateVersion7(erasedAt.AddMilliseconds(-1)), cutoff) < 0);
            Assert.True(Compare(Guid.CreateVersion7(erasedAt.AddDays(-300)), cutoff) < 0);
            Assert.True(Compare(Guid.CreateVersion7(erasedAt.AddMilliseconds(1)), cutoff) > 0);
            Assert.True(Compare(Guid.CreateVersion7(erasedAt.AddYears(3)), cutoff) > 0);
        }
    }

    [Fact]
    public void The_cutoff_carries_the_erasure_time_in_its_leading_48_bits()
    {
        var erasedAt = DateTimeOffset.FromUnixTimeMilliseconds(0x0193_1234_5678);
        Assert.Equal("01931234-5678-ffff-ffff-ffffffffffff", ErasureFence.RunCutoff(erasedAt).ToString());
    }
}
