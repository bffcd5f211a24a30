using Greenlight.Modules.Review.ExperienceManager;

namespace Greenlight.Review.Tests.ExperienceManager;

public sealed class UploadPartsTests
{
    [Theory]
    [InlineData(10_000, 3, 1024, 4096, new long[] { 3334, 3334, 3332 })]
    [InlineData(10_000, 10, 4000, 4096, new long[] { 4000, 4000, 2000 })] // the minimum leaves URIs unused
    [InlineData(100, 5, 1024, -1, new long[] { 100 })] // -1: no maximum
    [InlineData(0, 2, 1024, 4096, new long[] { 0 })]
    public void Cuts_equal_parts_within_the_limits(long fileSize, int uriCount, long minPartSize, long maxPartSize, long[] expected) =>
        Assert.Equal(expected, UploadParts.Plan(fileSize, uriCount, minPartSize, maxPartSize));

    [Fact]
    public void A_binary_too_large_for_the_uris_is_refused_before_any_byte_is_sent() =>
        Assert.Throws<InvalidOperationException>(() => UploadParts.Plan(10_000, 2, 1024, 4096));
}
