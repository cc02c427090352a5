/**
 * The rules a new centre starts with, written for this product from the terms centres use. The
 * coordinator edits them; each edit is a new version that every adult accepts again.
 */
export const DEFAULT_RULES = `Using the centre: what we ask of everyone

1. The centre is a safe, neutral place for children. It is independent of the courts. We decide whether the centre is right for your family after the referral and the visits before contact, and we may stop or review your use of the centre at any time.
2. The welfare of the children comes first. If a child is too upset, contact may not go ahead that day, even when a court order is in place.
3. Be on time at the start and the end of each session. If you have been given a time to arrive or to leave that is different from the other parent's, keep to it exactly: it keeps everyone safe.
4. If you cannot come, tell the centre as soon as you can, and your solicitor or social worker if you have one. We will let the other parent know without giving them any of your details.
5. Children are always brought and collected by the adult they live with, or by another adult agreed with us. We never accept a child on their own.
6. While you are at the centre, your children stay in your care and under your supervision.
7. We do not accept aggressive or intimidating behaviour or bad language, towards anyone. If this happens you may be asked to leave, and your use of the centre may be suspended or ended.
8. Nobody may arrive under the influence of alcohol or drugs, or bring them in. Anyone who does will be asked to leave and the session will end.
9. No recordings of any kind — sound, video or photographs of other families or staff — may be made at the centre. Recording leads to immediate suspension.
10. The centre is a no-smoking place, inside and outside.
11. Keep us told of changes to your address, telephone number or email, and of any new court order or agreement.
12. What you tell us is confidential, except where a child may be at risk of harm or a crime may have been committed. Then we must pass it on, and we will tell you that we are doing so unless that would put someone at risk.
13. Staff and volunteers cannot give legal, money, childcare or counselling advice, but they can tell you where to find it.
14. For supported contact, staff and volunteers are there to help, not to watch or write down what you do or say. For supervised contact, a named supervisor stays with your family and keeps a record.
15. We can give a report of the dates and times you came and who came, with 14 days' notice. We do not write other reports for court, except where a child may be at risk of harm or a crime may have been committed.
16. Using the centre is not meant to last for ever. We review how things are going after 6 to 8 sessions, and then as needed.`;
