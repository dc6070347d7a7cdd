/** The demo's reference data: where orders come from, what they buy, in which zone the legacy ERP writes. */

export const REGION_ZONES = [
  ['AMER', 'America/New_York'],
  ['EMEA', 'Europe/London'],
  ['APAC', 'Asia/Tokyo'],
] as const;

export const COUNTRIES = [
  ['US', 'AMER', 'USD'],
  ['CA', 'AMER', 'CAD'],
  ['BR', 'AMER', 'BRL'],
  ['MX', 'AMER', 'MXN'],
  ['GB', 'EMEA', 'GBP'],
  ['DE', 'EMEA', 'EUR'],
  ['FR', 'EMEA', 'EUR'],
  ['NL', 'EMEA', 'EUR'],
  ['ZA', 'EMEA', 'ZAR'],
  ['JP', 'APAC', 'JPY'],
  ['AU', 'APAC', 'AUD'],
  ['SG', 'APAC', 'SGD'],
  ['IN', 'APAC', 'INR'],
] as const;

/** Product, category, unit price in cents. */
export const PRODUCTS = [
  ['Laptop Pro 14', 'Hardware', 189900],
  ['Laptop Air 13', 'Hardware', 119900],
  ['Desktop Tower', 'Hardware', 149500],
  ['Monitor 27 4K', 'Hardware', 45999],
  ['Docking Station', 'Hardware', 21950],
  ['Tablet 11', 'Hardware', 64900],
  ['Office Suite', 'Software', 14999],
  ['Design Studio', 'Software', 59988],
  ['Antivirus Plus', 'Software', 4995],
  ['Backup Cloud 1TB', 'Software', 9999],
  ['Analytics Seat', 'Software', 120000],
  ['Dev Tools Pro', 'Software', 24900],
  ['Onsite Setup', 'Services', 35000],
  ['Extended Warranty', 'Services', 19900],
  ['Training Day', 'Services', 89000],
  ['Support Premium', 'Services', 49900],
  ['Data Migration', 'Services', 250000],
  ['Health Check', 'Services', 75000],
  ['Wireless Mouse', 'Accessories', 2999],
  ['Keyboard MX', 'Accessories', 9950],
  ['USB-C Hub', 'Accessories', 4590],
  ['Headset Pro', 'Accessories', 17900],
  ['Laptop Sleeve', 'Accessories', 3495],
  ['Webcam HD', 'Accessories', 8900],
] as const;

/** Legacy status codes and what the new platform writes for them. */
export const STATUS_MAP = [
  ['C', 'closed'],
  ['O', 'open'],
  ['X', 'cancelled'],
] as const;
