export declare function excelSerialToIso(serial: number, date1904: boolean): string | null;
