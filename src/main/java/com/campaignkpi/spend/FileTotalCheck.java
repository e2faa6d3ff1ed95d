package com.campaignkpi.spend;

import java.math.BigDecimal;

/**
 * A total row of the file beside the sum of the imported rows. A total may legitimately differ: Google Ads'
 * "Total: Account" also counts campaigns a filtered report leaves out.
 *
 * @param matches true when every value the total states equals the imported sum
 */
public record FileTotalCheck(String label, Long fileImpressions, Long importedImpressions, Long fileClicks,
        Long importedClicks, BigDecimal fileCost, BigDecimal importedCost, BigDecimal fileConversions,
        BigDecimal importedConversions, boolean matches) {
}
