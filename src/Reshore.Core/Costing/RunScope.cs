using Reshore.Core.Values;

namespace Reshore.Core.Costing;

/// <summary>
/// The part of an item's demand one engine run covers: the markets an option serves with one delivery (section 15 of docs/model.md).
/// </summary>
/// <param name="VolumeShare">Share of the item's volume in the run (1 for the whole item).</param>
/// <param name="FixedShare">Share of the option's fixed annual amounts the run carries (1 for the whole item): the runs of one option
/// split them by volume, so they are counted once.</param>
/// <param name="SiteVolumeShare">Share of the item's volume made at the option's site across all its runs (for volume-banded prices).</param>
/// <param name="Destination">Country the run's goods are delivered in: the home country, or a market's country.</param>
/// <param name="MarketIds">Markets in the run; empty for the whole item.</param>
public sealed record RunScope(double VolumeShare, double FixedShare, double SiteVolumeShare, CountryCode Destination, IReadOnlyList<string> MarketIds)
{
    /// <summary>The whole item delivered to the home country: the engine as without markets.</summary>
    public static RunScope Whole(CountryCode home) => new(1, 1, 1, home, []);

    /// <summary>True for a run that covers the whole item.</summary>
    public bool IsWhole => MarketIds.Count == 0;
}
