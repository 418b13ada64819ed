namespace Reshore.Core.MarketData;

/// <summary>Kind of an origin-specific extra duty. Duties of different kinds add up; within a kind the most specific row applies.</summary>
public enum ExtraDutyKind
{
    /// <summary>Definitive anti-dumping duty (Regulation (EU) 2016/1036).</summary>
    AntiDumping,
    /// <summary>Provisional anti-dumping duty (at most six months, Art. 7(7) of Regulation (EU) 2016/1036); same kind as a definitive one.</summary>
    ProvisionalAntiDumping,
    /// <summary>Countervailing (anti-subsidy) duty (Regulation (EU) 2016/1037).</summary>
    Countervailing,
    /// <summary>Any other additional duty.</summary>
    Other,
}
