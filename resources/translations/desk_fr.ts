<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AgentsDialog</name>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="112"/>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="115"/>
        <location filename="../../desk/ui/admin_dialogs.py" line="134"/>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="116"/>
        <location filename="../../desk/ui/admin_dialogs.py" line="135"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="117"/>
        <location filename="../../desk/ui/admin_dialogs.py" line="137"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="118"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="118"/>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="118"/>
        <source>deactivated</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="136"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="141"/>
        <source>Create the account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="142"/>
        <source>Give the selected agent this role</source>
        <translation>Donner ce rôle à l&apos;agent sélectionné</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="143"/>
        <source>Reset the selected agent&apos;s password</source>
        <translation>Réinitialiser le mot de passe de l&apos;agent sélectionné</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="144"/>
        <source>Deactivate / reactivate</source>
        <translation>Désactiver / réactiver</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="200"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="234"/>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="237"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="239"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="240"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="241"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="241"/>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="242"/>
        <source>done</source>
        <translation>effectué</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="243"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="248"/>
        <source>Agent, action or detail contains…</source>
        <translation>Agent, action ou détail contenant…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="251"/>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="252"/>
        <source>Refused only</source>
        <translation>Refus seulement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="253"/>
        <source>Done only</source>
        <translation>Actions effectuées seulement</translation>
    </message>
</context>
<context>
    <name>CardForm</name>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="154"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="155"/>
        <source>Authorisation number (terminal)</source>
        <translation>Numéro d&apos;autorisation (terminal)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="156"/>
        <source>Last four digits of the card</source>
        <translation>4 derniers chiffres de la carte</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="161"/>
        <source>Card: the amount is not readable.</source>
        <translation>Carte : le montant n&apos;est pas lisible.</translation>
    </message>
</context>
<context>
    <name>CashDeskDialog</name>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="79"/>
        <source>Cash desk</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="93"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="114"/>
        <source>The cash desk could not be read.</source>
        <translation>La caisse n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="144"/>
        <source>The cash desk is closed.</source>
        <translation>La caisse est fermée.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="145"/>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="150"/>
        <source>Open the cash desk</source>
        <translation>Ouvrir la caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="155"/>
        <source>Float counted in the till</source>
        <translation>Fond de caisse compté</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="166"/>
        <source>Type the float, for example 150,00.</source>
        <translation>Saisissez le fond de caisse, par exemple 150,00.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="174"/>
        <source>Opening the cash desk…</source>
        <translation>Ouverture de la caisse…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="200"/>
        <source>Cash desk open since %1</source>
        <translation>Caisse ouverte depuis le %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="201"/>
        <source>The session</source>
        <translation>La session</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="203"/>
        <source>Float</source>
        <translation>Fond de caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="204"/>
        <source>Payments</source>
        <translation>Règlements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="210"/>
        <source>Credits refunded in cash</source>
        <translation>Avoirs remboursés en espèces</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="213"/>
        <source>Cash expected in the till</source>
        <translation>Espèces attendues en caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="214"/>
        <source>Count the cash</source>
        <translation>Comptage des espèces</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="233"/>
        <source>total of the cheques counted</source>
        <translation>total des chèques comptés</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="236"/>
        <source>Explain any difference</source>
        <translation>Expliquez tout écart</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="239"/>
        <source>Cheques counted</source>
        <translation>Chèques comptés</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="240"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="241"/>
        <source>Close the cash desk and print the journal</source>
        <translation>Clôturer la caisse et imprimer le journal</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="248"/>
        <source>Payments of the session</source>
        <translation>Règlements de la session</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="251"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="252"/>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="253"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="254"/>
        <source>Paid by</source>
        <translation>Réglé par</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="261"/>
        <source>Reprint the selected ticket</source>
        <translation>Réimprimer le ticket sélectionné</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="291"/>
        <source>Counted: %1</source>
        <translation>Compté : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="292"/>
        <source>Difference: %1</source>
        <translation>Écart : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="300"/>
        <source>Count the cheques and type their total (0 if there are none).</source>
        <translation>Comptez les chèques et saisissez leur total (0 s&apos;il n&apos;y en a pas).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="305"/>
        <source>Type the total of the cheques, for example 45,00.</source>
        <translation>Saisissez le total des chèques, par exemple 45,00.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="314"/>
        <source>Close the cash desk? Nothing can be cashed in this session afterwards.</source>
        <translation>Clôturer la caisse ? Plus rien ne pourra être encaissé dans cette session.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="315"/>
        <source>Close the cash desk</source>
        <translation>Clôturer la caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="325"/>
        <source>Closing the cash desk…</source>
        <translation>Clôture de la caisse…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="343"/>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="351"/>
        <source>Cash-desk journal</source>
        <translation>Journal de caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/cash_desk_dialog.py" line="352"/>
        <source>The cash desk is closed, but its journal could not be made.</source>
        <translation>La caisse est clôturée, mais son journal n&apos;a pas pu être établi.</translation>
    </message>
</context>
<context>
    <name>CashForm</name>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="102"/>
        <source>Amount handed over</source>
        <translation>Somme remise</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="103"/>
        <source>Change to give back</source>
        <translation>Monnaie à rendre</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="108"/>
        <source>Cash: type the amount handed over, for example 20,00.</source>
        <translation>Espèces : saisissez la somme remise, par exemple 20,00.</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="56"/>
        <source>Activity catalogue</source>
        <translation>Catalogue des activités</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="70"/>
        <source>Apply this capacity to the unit&apos;s days</source>
        <translation>Appliquer cette capacité aux jours de l&apos;unité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="76"/>
        <source>Close the selected day</source>
        <translation>Fermer le jour sélectionné</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="86"/>
        <source>Open during school holidays (holiday centre)</source>
        <translation>Ouvrir pendant les vacances scolaires (centre de vacances)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="88"/>
        <source>Open these days</source>
        <translation>Ouvrir ces jours</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="96"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="98"/>
        <source>Places per day</source>
        <translation>Places par jour</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="102"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="104"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="109"/>
        <source>Open days of the unit</source>
        <translation>Jours d&apos;ouverture de l&apos;unité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="117"/>
        <source>Prices per quotient bracket (double-click to change)</source>
        <translation>Tarifs par tranche de quotient (double-cliquez pour modifier)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="220"/>
        <source>%1 — %2 places, %3 taken</source>
        <translation>%1 — %2 places, %3 prises</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="238"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="252"/>
        <source>Type a price, for example 4,00.</source>
        <translation>Saisissez un tarif, par exemple 4,00.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="255"/>
        <source>Price saved: new bookings pay it.</source>
        <translation>Tarif enregistré : les nouvelles réservations le paient.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="260"/>
        <source>Capacity saved (days already fuller keep room for their bookings).</source>
        <translation>Capacité enregistrée (les jours déjà plus remplis gardent la place de leurs réservations).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="268"/>
        <source>Day closed.</source>
        <translation>Jour fermé.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="273"/>
        <source>Tick the weekdays to open.</source>
        <translation>Cochez les jours de la semaine à ouvrir.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/catalogue_dialog.py" line="280"/>
        <source>Days opened.</source>
        <translation>Jours ouverts.</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="60"/>
        <location filename="../../desk/ui/checkout_dialog.py" line="127"/>
        <source>Changes to confirm</source>
        <translation>Validation des modifications</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="62"/>
        <source>The changes are recorded once paid (« Pay »). « Clear all » erases them and frees their places.</source>
        <translation>Les modifications sont enregistrées une fois réglées (« Payer »). « Tout supprimer » les efface et libère leurs places.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="65"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="66"/>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="67"/>
        <source>Pricing</source>
        <translation>Tarification</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="68"/>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="84"/>
        <location filename="../../desk/ui/checkout_dialog.py" line="181"/>
        <location filename="../../desk/ui/checkout_dialog.py" line="196"/>
        <source>Clear all</source>
        <translation>Tout supprimer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="86"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="88"/>
        <source>Pay</source>
        <translation>Payer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="92"/>
        <location filename="../../desk/ui/checkout_dialog.py" line="170"/>
        <source>Print the recap</source>
        <translation>Imprimer le récapitulatif</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="133"/>
        <source>To pay: %1</source>
        <translation>À payer : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="154"/>
        <source>Preparing the recap…</source>
        <translation>Préparation du récapitulatif…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="163"/>
        <source>The printer could not be reached.</source>
        <translation>L&apos;imprimante ne répond pas.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="165"/>
        <source>Recap sent to the printer.</source>
        <translation>Récapitulatif envoyé à l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/checkout_dialog.py" line="180"/>
        <source>Erase every change of this basket and free the places it holds?</source>
        <translation>Effacer toutes les modifications de ce panier et libérer les places qu&apos;il retient ?</translation>
    </message>
</context>
<context>
    <name>ChequeForm</name>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="125"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="126"/>
        <source>Cheque number</source>
        <translation>Numéro du chèque</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="127"/>
        <source>Bank</source>
        <translation>Banque</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="128"/>
        <source>Drawer</source>
        <translation>Tireur</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="133"/>
        <source>Cheque: the amount is not readable.</source>
        <translation>Chèque : le montant n&apos;est pas lisible.</translation>
    </message>
</context>
<context>
    <name>ChildRow</name>
    <message>
        <location filename="../../desk/ui/family_form.py" line="143"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="147"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="148"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="154"/>
        <source>Birth date, dd/mm/yyyy</source>
        <translation>Date de naissance, jj/mm/aaaa</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="170"/>
        <source>The symbol is given when the file is saved.</source>
        <translation>Le symbole est attribué à l&apos;enregistrement du dossier.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="173"/>
        <source>Planning symbol: %1</source>
        <translation>Symbole du planning : %1</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="37"/>
        <source>&amp;Print (Ctrl+P)</source>
        <translation>&amp;Imprimer (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="41"/>
        <source>&amp;Save as PDF (Ctrl+S)</source>
        <translation>&amp;Enregistrer en PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="45"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="71"/>
        <source>The document could not be shown (%1); it is recorded all the same: print it again later.</source>
        <translation>Le document n&apos;a pas pu être affiché (%1) ; il est bien enregistré : réimprimez-le plus tard.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="84"/>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="84"/>
        <source>The printer could not be reached.</source>
        <translation>L&apos;imprimante ne répond pas.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="85"/>
        <source>Check that it is switched on, or save the document as PDF.</source>
        <translation>Vérifiez qu&apos;elle est allumée, ou enregistrez le document en PDF.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="87"/>
        <source>Sent to the printer.</source>
        <translation>Envoyé à l&apos;imprimante.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="91"/>
        <location filename="../../desk/ui/document_dialog.py" line="97"/>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="91"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="97"/>
        <source>The file could not be written.</source>
        <translation>Le fichier n&apos;a pas pu être écrit.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/document_dialog.py" line="100"/>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="30"/>
        <source>New activity line</source>
        <translation>Nouvelle ligne d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="46"/>
        <source>&amp;Child</source>
        <translation>&amp;Enfant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="47"/>
        <source>C&amp;ategory</source>
        <translation>C&amp;atégorie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="48"/>
        <source>&amp;Type of activity</source>
        <translation>&amp;Type d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="49"/>
        <source>&amp;Activity</source>
        <translation>&amp;Activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="53"/>
        <source>Enrol</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="83"/>
        <source>No activity is open for enrolment today for this child (age, dates, or already enrolled).</source>
        <translation>Aucune activité n&apos;est ouverte aux inscriptions aujourd&apos;hui pour cet enfant (âge, dates, ou déjà inscrit).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/enrolment_dialog.py" line="119"/>
        <source>From %1 to %2, children aged %3 to %4</source>
        <translation>Du %1 au %2, enfants de %3 à %4 ans</translation>
    </message>
</context>
<context>
    <name>EnrolmentsTab</name>
    <message>
        <location filename="../../desk/ui/family_file.py" line="70"/>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="71"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="72"/>
        <source>Type of activity</source>
        <translation>Type d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="73"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="74"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="78"/>
        <source>&amp;New activity line (Ctrl+I)</source>
        <translation>&amp;Nouvelle ligne d&apos;activité (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="81"/>
        <source>No activity line yet: create one to book days on the planning.</source>
        <translation>Aucune ligne d&apos;activité : créez-en une pour réserver des jours sur le planning.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="131"/>
        <source>New activity line</source>
        <translation>Nouvelle ligne d&apos;activité</translation>
    </message>
</context>
<context>
    <name>FamilyFileWidget</name>
    <message>
        <location filename="../../desk/ui/family_file.py" line="306"/>
        <source>&amp;Dossier</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="307"/>
        <source>&amp;Enrolments</source>
        <translation>&amp;Inscriptions</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="308"/>
        <source>P&amp;lanning</source>
        <translation>P&amp;lanning</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="309"/>
        <source>Pa&amp;yments</source>
        <translation>&amp;Paiements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="365"/>
        <source>New family</source>
        <translation>Nouvelle famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="366"/>
        <source>Fill in the file, then save (Ctrl+S).</source>
        <translation>Remplissez le dossier, puis enregistrez (Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="435"/>
        <source>Payment</source>
        <translation>Règlement</translation>
    </message>
</context>
<context>
    <name>FamilyForm</name>
    <message>
        <location filename="../../desk/ui/family_form.py" line="205"/>
        <source>Family name</source>
        <translation>Nom de la famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="208"/>
        <source>Number and street</source>
        <translation>Numéro et rue</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="211"/>
        <source>Town</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="214"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="217"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="219"/>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="220"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="221"/>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="225"/>
        <source>Postal code, town</source>
        <translation>Code postal, commune</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="226"/>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="227"/>
        <source>&amp;E-mail</source>
        <translation>&amp;Courriel</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="228"/>
        <source>&amp;Quotient familial (€)</source>
        <translation>&amp;Quotient familial (€)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="231"/>
        <source>Guardians</source>
        <translation>Responsables</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="234"/>
        <source>Add a guardian</source>
        <translation>Ajouter un responsable</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="240"/>
        <source>Children</source>
        <translation>Enfants</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="243"/>
        <source>Add a child</source>
        <translation>Ajouter un enfant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="249"/>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>&amp;Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="254"/>
        <source>Undo changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="327"/>
        <source>given when saved</source>
        <translation>attribué à l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="363"/>
        <source>The quotient familial is a whole number of euros.</source>
        <translation>Le quotient familial est un nombre entier d&apos;euros.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="369"/>
        <source>Impossible date: « %1 » (dd/mm/yyyy).</source>
        <translation>Date impossible : « %1 » (jj/mm/aaaa).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="408"/>
        <source>Create a new file anyway?</source>
        <translation>Créer quand même un nouveau dossier ?</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="409"/>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="414"/>
        <source>Family file</source>
        <translation>Dossier famille</translation>
    </message>
</context>
<context>
    <name>FamilySearchPanel</name>
    <message>
        <location filename="../../desk/ui/search_panel.py" line="160"/>
        <source>Name, first name, dossier, phone or e-mail</source>
        <translation>Nom, prénom, dossier, téléphone ou courriel</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_panel.py" line="182"/>
        <source>&amp;Find a family</source>
        <translation>&amp;Rechercher une famille</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/search_panel.py" line="216"/>
        <source>%n family(ies)</source>
        <translation>
            <numerusform>%n famille</numerusform>
            <numerusform>%n familles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_panel.py" line="218"/>
        <source>No family matches.</source>
        <translation>Aucune famille ne correspond.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/search_panel.py" line="226"/>
        <source>The search failed: check the database connection.</source>
        <translation>La recherche a échoué : vérifiez la connexion à la base de données.</translation>
    </message>
</context>
<context>
    <name>GatewayWindow</name>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="55"/>
        <source>Secure payment of the public treasury (DGFIP)</source>
        <translation>Paiement sécurisé du Trésor public (DGFIP)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="64"/>
        <source>Preparing the payment… Please wait a few seconds.</source>
        <translation>Préparation du paiement… Merci de patienter quelques secondes.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="70"/>
        <source>Welcome to the DGFIP payment solution</source>
        <translation>Bienvenue sur la solution de paiement de la DGFIP</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="84"/>
        <source>Debt reference:</source>
        <translation>Référence de la dette :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="85"/>
        <source>Amount:</source>
        <translation>Montant :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="86"/>
        <source>E-mail address:</source>
        <translation>Adresse électronique :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="91"/>
        <source>Test cards (any future expiry, any 3-digit code):</source>
        <translation>Cartes de test (toute date d&apos;expiration future, tout code à 3 chiffres) :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="95"/>
        <source>Back to the desk</source>
        <translation>Retour au guichet</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="101"/>
        <source>Information about the debt</source>
        <translation>Informations sur la dette</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="112"/>
        <source>Pay by bank card</source>
        <translation>Payer par carte bancaire</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="116"/>
        <location filename="../../desk/ui/gateway_window.py" line="151"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="121"/>
        <source>Choice of the payment method</source>
        <translation>Choix du mode de paiement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="147"/>
        <source>VALIDATE</source>
        <translation>VALIDER</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="156"/>
        <source>month</source>
        <translation>mois</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="158"/>
        <source>year</source>
        <translation>année</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="162"/>
        <source>Card number:</source>
        <translation>Numéro de carte :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="163"/>
        <source>Expires at the end of:</source>
        <translation>Expire fin :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="164"/>
        <source>Card security code:</source>
        <translation>Cryptogramme visuel de la carte :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="224"/>
        <source>Waiting for your bank&apos;s answer… This may take a few minutes.</source>
        <translation>En attente de la réponse de votre banque… Cela peut prendre quelques minutes.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="261"/>
        <source>Time left to pay: %1</source>
        <translation>Temps restant pour payer : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/gateway_window.py" line="272"/>
        <source>Back to the payment</source>
        <translation>Retour au paiement</translation>
    </message>
</context>
<context>
    <name>GuardianRow</name>
    <message>
        <location filename="../../desk/ui/family_form.py" line="93"/>
        <source>Main contact</source>
        <translation>Contact principal</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="94"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="98"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="99"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="100"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_form.py" line="101"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../desk/ui/main_window.py" line="98"/>
        <source>Front desk</source>
        <translation>Guichet unique</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="101"/>
        <source>Find a family on the left (Ctrl+F), or create one (Ctrl+N).</source>
        <translation>Recherchez une famille à gauche (Ctrl+F), ou créez-la (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="103"/>
        <source>families</source>
        <translation>familles</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="104"/>
        <source>children</source>
        <translation>enfants</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="105"/>
        <source>bookings to come</source>
        <translation>réservations à venir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="112"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="112"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="112"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="112"/>
        <source>Enrolments</source>
        <translation>Inscriptions</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="125"/>
        <source>Current and upcoming activities</source>
        <translation>Activités en cours et à venir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="131"/>
        <source>Front desk of {town} — {regie}</source>
        <comment>{of_town}: de, d&apos; or du with the town</comment>
        <translation>Guichet unique {of_town} — {regie}</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="139"/>
        <source>{start} to {end}</source>
        <translation>du {start} au {end}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="26"/>
        <source>desk — Sign in</source>
        <translation>desk — Connexion</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="29"/>
        <source>Front desk</source>
        <translation>Guichet unique</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="46"/>
        <source>&amp;Login</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="47"/>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="49"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/login_dialog.py" line="77"/>
        <source>Enter your login and your password.</source>
        <translation>Saisissez votre identifiant et votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk/ui/main_window.py" line="163"/>
        <source>desk — Front desk</source>
        <translation>desk — Guichet unique</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="238"/>
        <source>No agent signed in</source>
        <translation>Aucun agent connecté</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="309"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="283"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="227"/>
        <source>Connection to the server restored.</source>
        <translation>Connexion au serveur rétablie.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="278"/>
        <source>&amp;Find a family</source>
        <translation>&amp;Rechercher une famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="280"/>
        <source>&amp;New family</source>
        <translation>&amp;Nouvelle famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="282"/>
        <source>&amp;Home</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="285"/>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="287"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="288"/>
        <source>&amp;Cash desk…</source>
        <translation>&amp;Caisse…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="290"/>
        <source>&amp;Verify the payment journal</source>
        <translation>&amp;Vérifier le journal des règlements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="292"/>
        <location filename="../../desk/ui/main_window.py" line="457"/>
        <source>&amp;Online payments to check…</source>
        <translation>Paiements en &amp;ligne à vérifier…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="294"/>
        <source>Audit &amp;trail…</source>
        <translation>Journal d&apos;&amp;audit…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="295"/>
        <source>&amp;Agents…</source>
        <translation>&amp;Agents…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="296"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Réglages…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="297"/>
        <source>Activity &amp;catalogue…</source>
        <translation>&amp;Catalogue des activités…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="313"/>
        <source>&amp;Cash desk</source>
        <translation>&amp;Caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="317"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="318"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="319"/>
        <source>Counter</source>
        <translation>Comptoir</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/main_window.py" line="349"/>
        <source>The basket of %1 still holds %n change(s) not paid. They keep their places until their hold expires, then are cancelled. Leave this family anyway?</source>
        <translation>
            <numerusform>Le panier de %1 contient encore %n modification non réglée. Elle garde sa place jusqu&apos;à l&apos;expiration de l&apos;attente, puis est annulée. Quitter quand même ce dossier ?</numerusform>
            <numerusform>Le panier de %1 contient encore %n modifications non réglées. Elles gardent leurs places jusqu&apos;à l&apos;expiration de l&apos;attente, puis sont annulées. Quitter quand même ce dossier ?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="351"/>
        <source>Changes not paid</source>
        <translation>Modifications non réglées</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="366"/>
        <source>Family file</source>
        <translation>Dossier famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="382"/>
        <source>Family file saved.</source>
        <translation>Dossier famille enregistré.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="443"/>
        <source>PayFiP gave no usable answer for some online payments: the desk will ask again.</source>
        <translation>PayFiP n&apos;a pas répondu pour certains paiements en ligne : le guichet redemandera.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="498"/>
        <source>Cash desk closed</source>
        <translation>Caisse fermée</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="501"/>
        <source>Cash desk open since %1</source>
        <translation>Caisse ouverte depuis le %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="306"/>
        <source>&amp;About desk</source>
        <translation>À &amp;propos de desk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="248"/>
        <source>Server unreachable: reconnecting…</source>
        <translation>Serveur injoignable : reconnexion en cours…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="250"/>
        <source>Nothing can be recorded until the server answers again; what is on screen is kept. Other desks&apos; changes will show once it is back.</source>
        <translation>Rien ne peut être enregistré tant que le serveur ne répond pas ; ce qui est à l&apos;écran est conservé. Les changements des autres guichets s&apos;afficheront à son retour.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/main_window.py" line="453"/>
        <source>%n online payment(s) to check</source>
        <translation>
            <numerusform>%n paiement en ligne à vérifier</numerusform>
            <numerusform>%n paiements en ligne à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="456"/>
        <source>&amp;Online payments to check (%1)…</source>
        <translation>Paiements en &amp;ligne à vérifier (%1)…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="505"/>
        <source>Check the database connection, then refresh (F5).</source>
        <translation>Vérifiez la connexion à la base de données, puis actualisez (F5).</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="506"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="506"/>
        <source>The figures could not be read from the database.</source>
        <translation>Les chiffres n&apos;ont pas pu être lus dans la base de données.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="515"/>
        <source>About desk</source>
        <translation>À propos de desk</translation>
    </message>
    <message>
        <location filename="../../desk/ui/main_window.py" line="516"/>
        <source>desk {version} — front desk of the guichet unique.
{database}</source>
        <translation>desk {version} — l&apos;application du guichet unique.
{database}</translation>
    </message>
</context>
<context>
    <name>OnlineForm</name>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="209"/>
        <source>The family pays on the public treasury&apos;s page (PayFiP). The bookings are confirmed when the bank answers.</source>
        <translation>La famille paie sur la page du Trésor public (PayFiP). Les réservations sont confirmées dès la réponse de la banque.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="212"/>
        <source>Open the online payment</source>
        <translation>Ouvrir le paiement en ligne</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="216"/>
        <source>E-mail for the receipt</source>
        <translation>Adresse électronique pour le reçu</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="226"/>
        <source>Online payment: open it with the button.</source>
        <translation>Paiement en ligne : ouvrez-le avec le bouton.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="258"/>
        <source>Payment</source>
        <translation>Règlement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="267"/>
        <source>To pay: %1</source>
        <translation>À payer : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="286"/>
        <source>Add this mode and pay the rest another way</source>
        <translation>Ajouter ce moyen et régler le reste autrement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="292"/>
        <source>Remove the selected mode</source>
        <translation>Retirer le moyen sélectionné</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="295"/>
        <source>The vouchers exceed the amount: the excess becomes a credit</source>
        <translation>Les titres dépassent le montant : l&apos;excédent devient un avoir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="300"/>
        <location filename="../../desk/ui/payment_dialog.py" line="496"/>
        <source>Cash in (F9)</source>
        <translation>Encaisser (F9)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="306"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="316"/>
        <source>Payment &amp;mode</source>
        <translation>&amp;Mode de règlement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="324"/>
        <source>Modes already entered</source>
        <translation>Moyens déjà saisis</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="359"/>
        <source>The cash desk is closed: nothing can be cashed in at the counter. A cashier must open it (Cash desk menu); an online payment remains possible.</source>
        <translation>La caisse est fermée : aucun encaissement au guichet n&apos;est possible. Un régisseur doit l&apos;ouvrir (menu Caisse) ; le paiement en ligne reste possible.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="365"/>
        <source>Still to pay: %1</source>
        <translation>Reste à payer : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="367"/>
        <source>Not cashable as entered:</source>
        <translation>Encaissement impossible en l&apos;état :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="369"/>
        <source>The amount is covered.</source>
        <translation>Le montant est couvert.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="383"/>
        <source>Fill in this mode first.</source>
        <translation>Remplissez d&apos;abord ce moyen de paiement.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="482"/>
        <source>The family handed over %1 for %2 to pay: give back %3 of change?</source>
        <translation>La famille a remis %1 pour %2 à payer : rendre %3 de monnaie ?</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="485"/>
        <source>Much change to give back</source>
        <translation>Beaucoup de monnaie à rendre</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="496"/>
        <source>Cashing in…</source>
        <translation>Encaissement en cours…</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <location filename="../../desk/ui/family_file.py" line="151"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="152"/>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="153"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="154"/>
        <source>Paid by</source>
        <translation>Réglé par</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="161"/>
        <source>&amp;Reprint the ticket (Ctrl+R)</source>
        <translation>&amp;Réimprimer le ticket (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="164"/>
        <source>Account &amp;statement… (Ctrl+E)</source>
        <translation>&amp;Relevé de compte… (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="176"/>
        <source>cash</source>
        <translation>espèces</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="176"/>
        <source>bank transfer</source>
        <translation>virement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="177"/>
        <source>cheque</source>
        <translation>chèque</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="179"/>
        <source>Refund this much of the credit</source>
        <translation>Rembourser ce montant de l&apos;avoir</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="187"/>
        <source>Credit refund (régisseur):</source>
        <translation>Remboursement d&apos;avoir (régisseur) :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="211"/>
        <source>Type the amount to refund, for example 10,00.</source>
        <translation>Saisissez le montant à rembourser, par exemple 10,00.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/family_file.py" line="230"/>
        <source>Refunded; credit left: %1</source>
        <translation>Remboursé ; avoir restant : %1</translation>
    </message>
</context>
<context>
    <name>PlanningLegend</name>
    <message>
        <location filename="../../desk/ui/planning_legend.py" line="38"/>
        <source>booked, not paid yet</source>
        <translation>réservé, pas encore réglé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_legend.py" line="39"/>
        <source>paid</source>
        <translation>réglé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_legend.py" line="40"/>
        <source>cancellation pending</source>
        <translation>annulation en attente</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_legend.py" line="41"/>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_legend.py" line="42"/>
        <source>places left</source>
        <translation>places restantes</translation>
    </message>
</context>
<context>
    <name>PlanningModel</name>
    <message>
        <location filename="../../desk/ui/planning_model.py" line="322"/>
        <source>Closed that day.</source>
        <translation>Pas d&apos;accueil ce jour-là.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_model.py" line="324"/>
        <source>Price for this family: %1</source>
        <translation>Tarif pour cette famille : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_model.py" line="327"/>
        <source>not booked</source>
        <translation>non réservé</translation>
    </message>
</context>
<context>
    <name>PlanningPanel</name>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="144"/>
        <source>Previous period (Alt+Left)</source>
        <translation>Période précédente (Alt+Gauche)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="146"/>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="146"/>
        <source>Back to today (Alt+Home)</source>
        <translation>Revenir à aujourd&apos;hui (Alt+Début)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="148"/>
        <source>Next period (Alt+Right)</source>
        <translation>Période suivante (Alt+Droite)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="153"/>
        <source>Monthly</source>
        <translation>Mensuel</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="154"/>
        <source>Fortnight</source>
        <translation>Quinzaine</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="155"/>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="162"/>
        <location filename="../../desk/ui/planning_panel.py" line="498"/>
        <source>Modify (F2)</source>
        <translation>Modifier (F2)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="215"/>
        <source>Finish the changes (F9)</source>
        <translation>Terminer les modifications (F9)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="402"/>
        <location filename="../../desk/ui/planning_panel.py" line="428"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="406"/>
        <source>no activity line</source>
        <translation>aucune ligne d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="436"/>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/planning_panel.py" line="440"/>
        <source>%n booking(s) pending</source>
        <translation>
            <numerusform>%n réservation en attente</numerusform>
            <numerusform>%n réservations en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/planning_panel.py" line="441"/>
        <source>%n cancellation(s) pending</source>
        <translation>
            <numerusform>%n annulation en attente</numerusform>
            <numerusform>%n annulations en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="442"/>
        <source>Basket: %1</source>
        <translation>Panier : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/planning_panel.py" line="443"/>
        <source>%n change(s) in the basket, whatever their day; this period: %1</source>
        <translation>
            <numerusform>%n modification dans le panier, tous jours confondus ; sur cette période : %1</numerusform>
            <numerusform>%n modifications dans le panier, tous jours confondus ; sur cette période : %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="455"/>
        <source>Pending bookings left the basket (hold over, or removed at another desk): their places were freed. Check the basket.</source>
        <translation>Des réservations en attente ont quitté le panier (délai de garde dépassé, ou retirées à un autre guichet) : leurs places ont été libérées. Vérifiez le panier.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="494"/>
        <source>No child of this family has an activity line: enrol one first.</source>
        <translation>Aucun enfant de cette famille n&apos;a de ligne d&apos;activité : inscrivez-en un d&apos;abord.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="498"/>
        <source>Stop modifying (F2)</source>
        <translation>Arrêter de modifier (F2)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="514"/>
        <source>No day can be booked for this child in the coming months.</source>
        <translation>Aucun jour n&apos;est réservable pour cet enfant dans les mois qui viennent.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="536"/>
        <source>This activity has no such unit.</source>
        <translation>Cette activité n&apos;a pas cette unité.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="550"/>
        <source>Press F2 to modify the planning.</source>
        <translation>Appuyez sur F2 pour modifier le planning.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="553"/>
        <source>Closed that day.</source>
        <translation>Pas d&apos;accueil ce jour-là.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="557"/>
        <source>This child is not enrolled in this activity.</source>
        <translation>Cet enfant n&apos;est pas inscrit à cette activité.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="566"/>
        <source>Past the booking deadline</source>
        <translation>Délai de réservation dépassé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="567"/>
        <source>%1
As régisseur you may book it all the same: why? (kept in the audit trail)</source>
        <translation>%1
En tant que régisseur, vous pouvez réserver malgré tout : pour quelle raison ? (conservée dans le journal d&apos;audit)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/planning_panel.py" line="572"/>
        <source>A reason is needed to pass the booking deadline.</source>
        <translation>Une raison est nécessaire pour passer outre le délai de réservation.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="86"/>
        <source>Payment ticket %1</source>
        <translation>Ticket de règlement %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="87"/>
        <source>Payment recorded: ticket %1</source>
        <translation>Règlement enregistré : ticket %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="90"/>
        <source>Duplicate %1 of ticket %2</source>
        <translation>Duplicata n° %1 du ticket %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="91"/>
        <source>Ticket %1 reprinted: DUPLICATE no. %2</source>
        <translation>Ticket %1 réimprimé : DUPLICATA n° %2</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="43"/>
        <source>80 mm ticket</source>
        <translation>Ticket 80 mm</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="44"/>
        <source>A4 page</source>
        <translation>Page A4</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="52"/>
        <source>Payment ticket</source>
        <translation>Ticket de paiement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="74"/>
        <source>The ticket could not be read.</source>
        <translation>Le ticket n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/receipt_dialog.py" line="125"/>
        <source>Reprint the ticket</source>
        <translation>Réimprimer le ticket</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="114"/>
        <source>Online payments to check</source>
        <translation>Paiements en ligne à vérifier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="120"/>
        <source>Check each one with the DGFIP (PayFiP back office) or the bank statement, then write what you found and mark it handled. The desk has already kept any money received as a credit of the family.</source>
        <translation>Vérifiez chacun auprès de la DGFIP (espace de gestion PayFiP) ou sur le relevé bancaire, puis notez ce que vous avez constaté et traitez-le. Le guichet a déjà porté toute somme reçue en avoir sur le compte de la famille.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="128"/>
        <source>Conclusion of the check</source>
        <translation>Conclusion de la vérification</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="135"/>
        <source>What you checked and what you concluded (DGFIP, bank statement)…</source>
        <translation>Ce que vous avez vérifié et ce que vous en concluez (DGFIP, relevé bancaire)…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="138"/>
        <source>&amp;Handle (Ctrl+Return)</source>
        <translation>&amp;Traiter (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="147"/>
        <source>Why it is flagged</source>
        <translation>Motif du signalement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="148"/>
        <source>&amp;Note</source>
        <translation>&amp;Conclusion</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="153"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="174"/>
        <source>The payments to check could not be read.</source>
        <translation>Les paiements à vérifier n&apos;ont pas pu être lus.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/review_dialog.py" line="180"/>
        <source>%n online payment(s) to check</source>
        <translation>
            <numerusform>%n paiement en ligne à vérifier</numerusform>
            <numerusform>%n paiements en ligne à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="181"/>
        <source>No online payment to check.</source>
        <translation>Aucun paiement en ligne à vérifier.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="208"/>
        <source>Recording the conclusion…</source>
        <translation>Enregistrement de la conclusion…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="216"/>
        <source>Handled: the conclusion on %1 is recorded.</source>
        <translation>Traité : la conclusion sur %1 est enregistrée.</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="64"/>
        <source>Paid after expiry (kept as credit)</source>
        <translation>Payé après expiration (porté en avoir)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="65"/>
        <source>Answer not matching (nothing cashed)</source>
        <translation>Réponse non conforme (rien encaissé)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="75"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="77"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="78"/>
        <source>Debt reference</source>
        <translation>Référence de la dette</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="79"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="81"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../desk/ui/review_dialog.py" line="82"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="298"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="306"/>
        <source>80 mm ticket</source>
        <translation>Ticket 80 mm</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="307"/>
        <source>A4 page</source>
        <translation>Page A4</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="323"/>
        <source>Database of this desk (empty: the local file)</source>
        <translation>Base de données de ce poste (vide : le fichier local)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="324"/>
        <source>Receipt format</source>
        <translation>Format du ticket</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="325"/>
        <source>Receipt printer</source>
        <translation>Imprimante des tickets</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="326"/>
        <source>Hold of a pending booking</source>
        <translation>Attente d&apos;une réservation non réglée</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="327"/>
        <source>Cash ceiling per payment</source>
        <translation>Plafond d&apos;espèces par règlement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="329"/>
        <source>Town</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="330"/>
        <source>Régie</source>
        <translation>Régie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="331"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="332"/>
        <source>PayFiP client number</source>
        <translation>Numéro client PayFiP</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="341"/>
        <source>This desk</source>
        <translation>Ce poste</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="343"/>
        <source>The régie (printed on every ticket, sent to PayFiP)</source>
        <translation>La régie (imprimée sur chaque ticket, transmise à PayFiP)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="374"/>
        <source>Type the cash ceiling, for example 300,00.</source>
        <translation>Saisissez le plafond d&apos;espèces, par exemple 300,00.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="388"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="52"/>
        <source>desk — First start</source>
        <translation>desk — Premier démarrage</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="54"/>
        <source>This database is new. Enter the régie&apos;s identity, printed on every ticket, and create the first administrator&apos;s account.</source>
        <translation>Cette base est neuve. Saisissez l&apos;identité de la régie, imprimée sur chaque ticket, et créez le compte du premier administrateur.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="60"/>
        <source>Town</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="61"/>
        <source>Régie</source>
        <translation>Régie</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="62"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="63"/>
        <source>PayFiP client number</source>
        <translation>Numéro client PayFiP</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="64"/>
        <source>Administrator&apos;s login</source>
        <translation>Identifiant de l&apos;administrateur</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="65"/>
        <source>Administrator&apos;s name</source>
        <translation>Nom de l&apos;administrateur</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="66"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="77"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/admin_dialogs.py" line="94"/>
        <source>Creating the database…</source>
        <translation>Création de la base…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="36"/>
        <source>Find a family</source>
        <translation>Rechercher une famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="36"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="37"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="38"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="39"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="40"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="41"/>
        <source>Everywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="37"/>
        <source>New family</source>
        <translation>Nouvelle famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="38"/>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="39"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="40"/>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="41"/>
        <source>This list</source>
        <translation>Cette liste</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="42"/>
        <source>Open the first family found</source>
        <translation>Ouvrir la première famille trouvée</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="42"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="43"/>
        <source>Save the family file</source>
        <translation>Enregistrer le dossier famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="43"/>
        <source>Family file</source>
        <translation>Dossier famille</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="44"/>
        <source>New activity line</source>
        <translation>Nouvelle ligne d&apos;activité</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="44"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="45"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="46"/>
        <source>Family file, any tab</source>
        <translation>Dossier famille, tout onglet</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="45"/>
        <source>Account statement</source>
        <translation>Relevé de compte</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="46"/>
        <source>Reprint the selected ticket (the latest if none)</source>
        <translation>Réimprimer le ticket sélectionné (le dernier sinon)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="47"/>
        <source>Modify the planning: the cursor on the first day that can be booked</source>
        <translation>Modifier le planning : le curseur sur le premier jour réservable</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="47"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="48"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="49"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="50"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="51"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="52"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="53"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="54"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="55"/>
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="48"/>
        <source>Previous / next open day (the page turns at the edges)</source>
        <translation>Jour d&apos;ouverture précédent / suivant (la page tourne aux bords)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="49"/>
        <source>Previous / next unit</source>
        <translation>Unité précédente / suivante</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="50"/>
        <source>Book or unbook the cell (or say why not)</source>
        <translation>Réserver ou retirer la case (ou dire pourquoi pas)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="51"/>
        <source>Book the matin, après-midi or journée of the cursor&apos;s day</source>
        <translation>Réserver le matin, l&apos;après-midi ou la journée du jour du curseur</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="52"/>
        <source>Previous / next period</source>
        <translation>Période précédente / suivante</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="53"/>
        <source>Back to today</source>
        <translation>Revenir à aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="54"/>
        <source>Month, fortnight, week</source>
        <translation>Mois, quinzaine, semaine</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="55"/>
        <source>Finish the changes (the recap, then Enter to pay)</source>
        <translation>Terminer les modifications (le récapitulatif, puis Entrée pour payer)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="56"/>
        <source>Cash in</source>
        <translation>Encaisser</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="56"/>
        <source>Payment</source>
        <translation>Règlement</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="57"/>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="57"/>
        <source>Ticket, statement</source>
        <translation>Ticket, relevé</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="58"/>
        <source>Cash desk</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="58"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="59"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="60"/>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="61"/>
        <source>Régisseur</source>
        <translation>Régisseur</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="59"/>
        <source>Verify the payment journal</source>
        <translation>Vérifier le journal des règlements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="60"/>
        <source>Online payments to check</source>
        <translation>Paiements en ligne à vérifier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="61"/>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="69"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="73"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="73"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desk/ui/shortcuts_dialog.py" line="73"/>
        <source>Where</source>
        <translation>Où</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="49"/>
        <location filename="../../desk/ui/statement_dialog.py" line="50"/>
        <source>Account statement</source>
        <translation>Relevé de compte</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="55"/>
        <source>Since 1 January</source>
        <translation>Depuis le 1er janvier</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="56"/>
        <source>Last year</source>
        <translation>L&apos;année dernière</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="57"/>
        <source>This school year</source>
        <translation>Cette année scolaire</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="58"/>
        <source>Chosen dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="62"/>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="64"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../desk/ui/statement_dialog.py" line="110"/>
        <source>Reading the statement…</source>
        <translation>Lecture du relevé…</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../desk/ui/texts.py" line="17"/>
        <source>Balance due: %1</source>
        <translation>Restant dû : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/texts.py" line="19"/>
        <source>Credit: %1</source>
        <translation>Avoir : %1</translation>
    </message>
    <message>
        <location filename="../../desk/ui/texts.py" line="20"/>
        <source>Account up to date</source>
        <translation>Compte à jour</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/texts.py" line="23"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/texts.py" line="26"/>
        <source>%n place(s) left of %1</source>
        <translation>
            <numerusform>%n place restante sur %1</numerusform>
            <numerusform>%n places restantes sur %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyJournalDialog</name>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="48"/>
        <source>Verify the payment journal</source>
        <translation>Vérifier le journal des règlements</translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="51"/>
        <source>Recomputes the hash chain and its seals, and checks every payment, receipt, account movement, cash-desk closing and place count against it. Paste the journal fingerprints printed on the cash-desk journals to prove that nothing was cut from the end.</source>
        <translation>Recalcule le chaînage et les sceaux du journal, et confronte à lui chaque règlement, ticket, mouvement de compte, clôture de caisse et compte de places. Recopiez les empreintes imprimées sur les journaux de caisse pour prouver que rien n&apos;a été retranché à la fin.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="56"/>
        <source>&amp;Fingerprints from the cash-desk journals (optional, one per line):</source>
        <translation>&amp;Empreintes des journaux de caisse (facultatif, une par ligne) :</translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="63"/>
        <source>&amp;Verify (Ctrl+Return)</source>
        <translation>&amp;Vérifier (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="88"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="123"/>
        <source>Verifying the whole journal: this may take a few seconds on a large town…</source>
        <translation>Vérification de tout le journal : quelques secondes pour une grande commune…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/ui/verify_dialog.py" line="137"/>
        <source>The journal has been altered: %n finding(s), listed below. Keep the database as it is and warn the accounting officer.</source>
        <translation>
            <numerusform>Journal altéré : %n anomalie, détaillée ci-dessous. Conservez la base en l&apos;état et prévenez le comptable public.</numerusform>
            <numerusform>Journal altéré : %n anomalies, détaillées ci-dessous. Conservez la base en l&apos;état et prévenez le comptable public.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="143"/>
        <source>Journal head: entry %1, fingerprint %2.</source>
        <translation>Tête du journal : écriture n° %1, empreinte %2.</translation>
    </message>
    <message>
        <location filename="../../desk/ui/verify_dialog.py" line="152"/>
        <source>The verification could not finish; nothing was changed. Try again, then warn the administrator.</source>
        <translation>La vérification n&apos;a pas pu aboutir ; rien n&apos;a été modifié. Réessayez, puis prévenez l&apos;administrateur.</translation>
    </message>
</context>
<context>
    <name>VoucherForm</name>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="182"/>
        <source>Number of vouchers</source>
        <translation>Nombre de titres</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="183"/>
        <source>Face value of one voucher</source>
        <translation>Valeur d&apos;un titre</translation>
    </message>
    <message>
        <location filename="../../desk/ui/payment_dialog.py" line="198"/>
        <source>Vouchers: give their number and the face value of one.</source>
        <translation>Titres : indiquez leur nombre et la valeur d&apos;un titre.</translation>
    </message>
</context>
<context>
    <name>Waiting</name>
    <message>
        <location filename="../../desk/ui/waiting.py" line="15"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../desk/ui/waiting.py" line="23"/>
        <source>The database did not answer as expected: nothing was changed. Try again, then warn the administrator.</source>
        <translation>La base de données n&apos;a pas répondu comme prévu : rien n&apos;a été modifié. Réessayez, puis prévenez l&apos;administrateur.</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <location filename="../../desk/app.py" line="140"/>
        <source>Create a new, empty desk database at this place?</source>
        <translation>Créer à cet emplacement une nouvelle base de données desk, vide ?</translation>
    </message>
    <message>
        <location filename="../../desk/app.py" line="141"/>
        <source>New database</source>
        <translation>Nouvelle base de données</translation>
    </message>
    <message>
        <location filename="../../desk/app.py" line="201"/>
        <source>desk cannot start</source>
        <translation>desk ne peut pas démarrer</translation>
    </message>
    <message>
        <location filename="../../desk/app.py" line="224"/>
        <source>Unexpected error: the action did not go through.</source>
        <translation>Erreur inattendue : l&apos;action n&apos;a pas abouti.</translation>
    </message>
    <message>
        <location filename="../../desk/app.py" line="225"/>
        <source>The details are in %1.</source>
        <translation>Les détails sont dans %1.</translation>
    </message>
</context>
</TS>
