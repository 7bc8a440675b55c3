package org.mizan.normalise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.mizan.schema.RemittanceTransaction;
import org.mizan.source.RawRecord;

/** Checks a remittance transaction (format 2) rule by rule, in the documented order, and builds its record. */
public final class RemittanceNormaliser extends Normaliser {

    static final Set<String> CHANNELS = Set.of("bank", "mto", "mobile_money", "post", "cash_agent");

    private final Fields f;
    private final Gazetteer gazetteer;
    private final KeyIndex loaded;
    private final List<String> loadedFiles;
    private final KeyIndex inFile = new KeyIndex();

    /**
     * @param loaded      keys (provider_id + txn_id) already in the lake from other files, valued by file index
     * @param loadedFiles the file names those indexes point to
     */
    public RemittanceNormaliser(Fields f, Gazetteer gazetteer, KeyIndex loaded, List<String> loadedFiles) {
        this.f = f;
        this.gazetteer = gazetteer;
        this.loaded = loaded;
        this.loadedFiles = loadedFiles;
    }

    @Override
    protected List<RemittanceTransaction> records(RawRecord r) {
        requireAll(f, r, "txn_id", "provider_id", "sent_at", "sender_country");
        String locality = r.get("receiving_locality");
        String unit = r.get("receiving_unit_code");
        if (unit == null && locality == null) {
            throw new RowRejected(Rule.REQUIRED, "receiving_unit_code is empty (and no receiving_locality)");
        }
        requireAll(f, r, "amount", "currency", "fee", "channel");
        String txnId = r.get("txn_id");
        String provider = r.get("provider_id");
        OffsetDateTime sentAt = f.timestamp("sent_at", r.get("sent_at"));
        BigDecimal amount = f.decimal("amount", r.get("amount"), 4);
        BigDecimal fee = f.decimal("fee", r.get("fee"), 4);
        String marginText = r.get("fx_margin_pct");
        BigDecimal margin = marginText == null ? null : f.decimal("fx_margin_pct", marginText, 4);
        if (amount.signum() <= 0) {
            throw new RowRejected(Rule.AMOUNT_NOT_POSITIVE, "amount " + amount.stripTrailingZeros().toPlainString() + " is not above zero");
        }
        if (fee.signum() < 0) {
            throw new RowRejected(Rule.FEE_NEGATIVE, "fee " + fee.stripTrailingZeros().toPlainString() + " is negative");
        }
        String sender = IsoCodes.country("sender_country", r.get("sender_country"));
        String currency = IsoCodes.currency("currency", r.get("currency"));
        String channel = r.get("channel");
        if (!CHANNELS.contains(channel)) {
            throw new RowRejected(Rule.BAD_CHANNEL, "channel '" + channel + "' is not one of bank, mto, mobile_money, post, cash_agent");
        }
        LocalDate utcDate = sentAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        String unitCode = unit != null ? gazetteer.check("receiving_unit_code", unit, utcDate)
                : gazetteer.resolve(r.mapping().localityCountry(), locality, utcDate);
        String key = provider + '\u0001' + txnId;
        int earlierFile = loaded.get(key);
        if (earlierFile >= 0) {
            throw new RowRejected(Rule.DUPLICATE_LOADED, "txn_id " + txnId + " of " + provider + " was already loaded from "
                    + loadedFiles.get(earlierFile));
        }
        int earlierLine = inFile.putIfAbsent(key, (int) r.line());
        if (earlierLine >= 0) {
            throw new RowRejected(Rule.DUPLICATE_IN_FILE, "txn_id " + txnId + " of " + provider + " was already accepted at line " + earlierLine);
        }
        return List.of(RemittanceTransaction.newBuilder()
                .setTxnId(txnId)
                .setProviderId(provider)
                .setSentAt(sentAt.toInstant())
                .setSentAtOffsetMin(sentAt.getOffset().getTotalSeconds() / 60)
                .setPeriod(Periods.month(utcDate))
                .setSenderCountry(sender)
                .setReceivingUnitCode(unitCode)
                .setReceivingLocality(unit == null ? locality : null)
                .setAmount(amount)
                .setCurrency(currency)
                .setFee(fee)
                .setFxMarginPct(margin)
                .setChannel(channel)
                .setSourceId(sourceId(r, "provider_id"))
                .setSourceFile(r.file())
                .setSourceLine(r.line())
                .build());
    }
}
