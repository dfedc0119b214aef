// execution-reports.ts — a deterministic run of Kalshi-style ExecutionReports (kalshi-fix.md §4.1,
// 21005=Y so prices are dollars with up to 4 dp) in two forms: the object jspurefix encodes, and the
// exact strings Fillwatch must record. Amounts are computed in scaled integers and formatted as text,
// never with binary floats, so "expected" is exactly what went on the wire.

/** The values one report carries, as wire text. */
export interface ExpectedReport {
  readonly orderId: string;
  readonly clOrdId: string;
  readonly execId: string;
  readonly execType: string;
  readonly ordStatus: string;
  readonly side: string;
  readonly symbol: string;
  readonly orderQty: string;
  readonly price: string;
  readonly lastQty: string | null;
  readonly lastPx: string | null;
  readonly cumQty: string;
  readonly leavesQty: string;
  readonly avgPx: string;
  readonly transactTime: string;
  readonly fee: string | null;
}

/** A jspurefix ExecutionReport object (field names from its FIX50SP2 dictionary) and what it must become. */
export interface GeneratedReport {
  readonly jspurefix: Record<string, unknown>;
  readonly expected: ExpectedReport;
}

const SYMBOLS = ['KXHIGHNY-26NOV24-B52.5', 'KXBTC-26NOV24-T99999.99', 'PRES-2028-DEM'];
const BASE_TIME_MS = Date.UTC(2026, 10, 24, 14, 6, 0, 8);

/**
 * `count` reports over orders of 10.00 contracts: each order gets an ack (150=0) and then fills of
 * 2.50 until done (150=F, 39=1 then 39=2). Prices cycle through 4-dp, 3-dp (subpenny) and
 * whole-cent values, all written with trailing zeros kept ('0.4200', '0.7250', '0.0100').
 */
export function generateExecutionReports(count: number): GeneratedReport[] {
  const reports: GeneratedReport[] = [];
  const orderQtyHundredths = 1_000;
  const fillHundredths = 250;
  for (let order = 0; reports.length < count; order++) {
    const priceTenThousandths = [4_200, 7_250, 100, 9_900, 5_005][order % 5]!;
    const symbol = SYMBOLS[order % SYMBOLS.length]!;
    const side = order % 2 === 0 ? '1' : '2';
    const orderId = `ord-${String(order).padStart(4, '0')}-8c1f0d2a`;
    const clOrdId = `cl-${order}`;
    const price = dollars4(priceTenThousandths);
    let cum = 0;
    for (let step = 0; reports.length < count && cum < orderQtyHundredths; step++) {
      const isAck = step === 0;
      if (!isAck) cum += fillHundredths;
      const leaves = orderQtyHundredths - cum;
      const execId = `1042;${reports.length * 3 + 1}`;
      const transactMs = BASE_TIME_MS + reports.length * 1_001;
      const expected: ExpectedReport = {
        orderId, clOrdId, execId, side, symbol, price,
        execType: isAck ? '0' : 'F',
        ordStatus: isAck ? '0' : leaves === 0 ? '2' : '1',
        orderQty: qty2(orderQtyHundredths),
        lastQty: isAck ? null : qty2(fillHundredths),
        lastPx: isAck ? null : price,
        cumQty: qty2(cum),
        leavesQty: qty2(leaves),
        avgPx: isAck ? '0' : price,
        transactTime: fixTimestamp(transactMs),
        fee: isAck ? null : '0.0200',
      };
      reports.push({ expected, jspurefix: toJspurefix(expected, transactMs) });
    }
  }
  return reports;
}

function toJspurefix(e: ExpectedReport, transactMs: number): Record<string, unknown> {
  const body: Record<string, unknown> = {
    OrderID: e.orderId,
    ClOrdID: e.clOrdId,
    ExecID: e.execId,
    ExecType: e.execType,
    OrdStatus: e.ordStatus,
    Instrument: { Symbol: e.symbol },
    Side: e.side,
    OrderQtyData: { OrderQty: e.orderQty },
    Price: e.price,
    // Strings, not numbers: jspurefix writes a string verbatim, a number through its float formatter.
    LeavesQty: e.leavesQty,
    CumQty: e.cumQty,
    AvgPx: e.avgPx,
    TransactTime: new Date(transactMs),
  };
  if (e.lastQty !== null) body['LastQty'] = e.lastQty;
  if (e.lastPx !== null) body['LastPx'] = e.lastPx;
  if (e.fee !== null) {
    body['TrdMatchID'] = `trd-${e.execId}`;
    body['AggressorIndicator'] = false;
    body['MiscFeesGrp'] = { NoMiscFees: [{ MiscFeeAmt: e.fee, MiscFeeCurr: 'USD', MiscFeeType: '4', MiscFeeBasis: 0 }] };
  }
  return body;
}

/** 4200 → "0.4200" (prices below $1, 4 dp). */
function dollars4(tenThousandths: number): string {
  return `0.${String(tenThousandths).padStart(4, '0')}`;
}

/** 250 → "2.50". */
function qty2(hundredths: number): string {
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** FIX UTCTimestamp with milliseconds, from the ISO form (no Fillwatch code involved). */
function fixTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-24T14:06:00.008Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 23)}`;
}
