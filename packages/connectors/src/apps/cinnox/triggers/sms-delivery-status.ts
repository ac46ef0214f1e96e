// Trigger "SMS Delivery Status": the TDR notifications of outbound-sms-event-sub, one per recipient and status change.
import { CINNOX_SUBSCRIPTIONS, cinnoxTrigger, eventOf, sameWord } from '../subscription.ts';

export interface SmsStatusEvent {
  Type: string;
  AppID: string;
  ServiceID: string;
  TransactionID: string;
  /** A Number: country code and phone number, without "+". */
  RecipientNumber: number | string;
  RecipientCountry: string;
  ResponseCode: string | number;
  Status: string;
  Exception: string;
  [field: string]: unknown;
}

export const smsDeliveryStatus = cinnoxTrigger<SmsStatusEvent>({
  key: 'sms_delivery_status',
  name: 'SMS Delivery Status',
  description:
    'Starts when CINNOX reports the delivery status of an SMS sent from this App (Submitted, Delivered, Undelivered, Rejected). Instant, through the outbound SMS (TDR) event subscription.',
  subscription: CINNOX_SUBSCRIPTIONS.outboundSms,
  sample: {
    Type: 'tdr',
    AppID: 'app_1a2b3c',
    ServiceID: 'svc_1a2b3c',
    TransactionID: 'b1f0e7a2-5c3d-4e8f-9a6b-0c1d2e3f4a5b',
    RecipientNumber: 85291234567,
    RecipientCountry: 'HK',
    ResponseCode: '',
    Status: 'Delivered',
    Exception: '',
  },
  outputFields: [
    { key: 'Type', label: 'Event type', type: 'string' },
    { key: 'AppID', label: 'App ID', type: 'string' },
    { key: 'ServiceID', label: 'Service ID', type: 'string' },
    { key: 'TransactionID', label: 'Transaction ID', type: 'string' },
    { key: 'RecipientNumber', label: 'Recipient number (country code and number, no +)', type: 'number' },
    { key: 'RecipientCountry', label: 'Recipient country', type: 'string' },
    { key: 'ResponseCode', label: 'Response code', type: 'string' },
    { key: 'Status', label: 'Delivery status', type: 'string' },
    { key: 'Exception', label: 'Exception', type: 'string' },
  ],
  pick: (notification) => {
    const event = eventOf(notification);
    if (!sameWord(event.Type, ['tdr']) && !('TransactionID' in event)) return undefined;
    return event as SmsStatusEvent;
  },
});
