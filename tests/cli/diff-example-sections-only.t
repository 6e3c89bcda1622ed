# --sections-only: just the list, unchanged sections counted.
run: diff --sections-only samples/diff/example-v1.html samples/diff/example-v2.html
exit: 1
stdout:
sections: 3 changed, 5 added, 1 removed, 6 renumbered, 272 unchanged
  changed     1.2                Document name and identification
  changed     1.5.2              Contact person
  removed     3.2.2.4.2          Email, Fax, SMS, or Postal Mail to Domain Contact
  added       3.2.2.4.6          Agreed-Upon Change to Website
  added       4.9.1.3            Revocation after a Certificate Problem Report
  renumbered  4.9.1.3 -> 4.9.1.4 Revocation at the Request of a Domain Registrant
  changed     6.3.2              Certificate operational periods and key pair usage periods
  added       10                 SUPPLEMENTARY PRACTICES FOR CODE SIGNING CERTIFICATES
  added       10.1               Key protection for code signing
  added       10.2               Timestamping
  renumbered  10 -> 11           SUPPLEMENTARY PRACTICES FOR QUALIFIED WEBSITE CERTIFICATES
  renumbered  10.1 -> 11.1       Scope of the qualified service
  renumbered  10.2 -> 11.2       Identity proofing of legal persons
  renumbered  10.3 -> 11.3       Supervisory body notifications
  renumbered  10.4 -> 11.4       Termination of the qualified service
